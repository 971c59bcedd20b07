package dev.lanchat.server.room;

import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.ServerMessage.MemberInfo;
import dev.lanchat.protocol.ServerMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * A chat room: its members in the order they entered, and the {@link Audience} its broadcasts go to.
 *
 * <p>Departures are announced in batches: a member that leaves is removed at once, but the notice is sent by a task
 * queued behind the work already waiting, so a network failure that drops hundreds of members costs one broadcast
 * per reason instead of one each. Any other broadcast sends the pending notices first, so the order members see
 * always matches the order things happened. Confined to the chat thread.
 */
public final class Room {

    private final String name;
    private final Audience audience;
    private final Clock clock;
    private final Executor later;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<List<String>, List<String>> pendingLeaves = new LinkedHashMap<>();
    private boolean flushScheduled;

    Room(String name, Audience audience, Clock clock, Executor later) {
        this.name = name;
        this.audience = audience;
        this.clock = clock;
        this.later = later;
    }

    public String name() {
        return name;
    }

    public int size() {
        return members.size();
    }

    /** The members, in the order they entered. */
    public Collection<Member> members() {
        return Collections.unmodifiableCollection(members.values());
    }

    List<MemberInfo> memberInfos() {
        List<MemberInfo> infos = new ArrayList<>(members.size());
        for (Member member : members.values()) {
            infos.add(new MemberInfo(member.nick().display(), member.inRoomSince()));
        }
        return infos;
    }

    /** Announces {@code member} to those present, then adds it, so it does not receive its own arrival. */
    void enter(Member member) {
        broadcast(new ServerMessage.Joined(name, member.nick().display(), clock.instant()));
        members.put(member.nick().key(), member);
        audience.add(member.connection());
        member.placeIn(this, clock.instant());
    }

    /** Removes {@code member} now and queues the notice of its departure. */
    void exit(Member member, LeaveReason reason, String message) {
        members.remove(member.nick().key());
        audience.remove(member.connection());
        member.placeIn(null, null);
        pendingLeaves.computeIfAbsent(List.of(reason.wireName(), message), k -> new ArrayList<>())
                .add(member.nick().display());
        if (!flushScheduled) {
            flushScheduled = true;
            later.execute(this::flushLeaves);
        }
    }

    /** Keeps the members map keyed by the current nickname after a rename. */
    void renamed(Nickname oldNick, Member member) {
        members.remove(oldNick.key());
        members.put(member.nick().key(), member);
    }

    /** Sends {@code message} to every member, after any departure notices still pending. */
    void broadcast(ServerMessage message) {
        flushLeaves();
        audience.broadcast(message);
    }

    /** Sends the pending departure notices, one per reason. */
    void flushLeaves() {
        flushScheduled = false;
        if (pendingLeaves.isEmpty()) {
            return;
        }
        List<ServerMessage> notices = new ArrayList<>(pendingLeaves.size());
        pendingLeaves.forEach((reasonAndMessage, nicks) -> notices.add(new ServerMessage.Left(
                name, nicks, reasonAndMessage.get(0), reasonAndMessage.get(1), clock.instant())));
        pendingLeaves.clear();
        for (ServerMessage notice : notices) {
            audience.broadcast(notice);
        }
    }
}
