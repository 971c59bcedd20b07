package dev.lanchat.server.room;

import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.ServerMessage.MemberInfo;
import dev.lanchat.protocol.ServerMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chat room: its members in the order they entered, the {@link Audience} its broadcasts go to, its topic, and its
 * history. Every chat line gets the next id of the room and is written to the room's log before it is broadcast.
 *
 * <p>Departures are announced in batches: a member that leaves is removed at once, but the notice is sent by a task
 * queued behind the work already waiting, so a network failure that drops hundreds of members costs one broadcast
 * per reason instead of one each. Any other broadcast sends the pending notices first, so the order members see
 * always matches the order things happened. Confined to the chat thread.
 */
public final class Room {

    private final RoomName name;
    private final Audience audience;
    private final Clock clock;
    private final Scheduler scheduler;
    private final HistoryStore.RoomLog log;
    private final HubSettings settings;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<List<String>, List<String>> pendingLeaves = new LinkedHashMap<>();
    private final Deque<StoredMessage> history = new ArrayDeque<>();
    private HistoryStore.Topic topic;
    private long nextId;
    private long said;
    private int appendedSinceCompaction;
    private boolean flushScheduled;

    Room(RoomName name, Audience audience, Clock clock, Scheduler scheduler, HistoryStore.RoomLog log,
         HubSettings settings) {
        this.name = name;
        this.audience = audience;
        this.clock = clock;
        this.scheduler = scheduler;
        this.log = log;
        this.settings = settings;
        HistoryStore.Snapshot snapshot = log.load();
        this.topic = snapshot.topic();
        history.addAll(snapshot.messages());
        nextId = Math.max(snapshot.lastId(), history.isEmpty() ? 0 : history.getLast().id()) + 1;
        if (retain()) {
            log.compact(new ArrayList<>(history), topic, nextId - 1);
        }
    }

    public String name() {
        return name.display();
    }

    String key() {
        return name.key();
    }

    /** Members, connected or holding their place. */
    public int size() {
        return members.size();
    }

    /** The members, in the order they entered. */
    public Collection<Member> members() {
        return Collections.unmodifiableCollection(members.values());
    }

    public String topic() {
        return topic.text();
    }

    HistoryStore.Topic topicRecord() {
        return topic;
    }

    List<MemberInfo> memberInfos() {
        List<MemberInfo> infos = new ArrayList<>(members.size());
        for (Member member : members.values()) {
            String status = member.detached() ? "reconnecting" : member.away() != null ? "away" : "";
            infos.add(new MemberInfo(member.nick().display(), member.inRoomSince(), status,
                    member.away() == null ? "" : member.away()));
        }
        return infos;
    }

    /** Announces {@code member} to those present, then adds it, so it does not receive its own arrival. */
    void enter(Member member, boolean resumed) {
        broadcast(new ServerMessage.Joined(name(), member.nick().display(), clock.instant(), resumed));
        members.put(member.nick().key(), member);
        audience.add(member.connection());
        member.placeIn(this, clock.instant());
    }

    /** Removes {@code member} now and queues the notice of its departure. */
    void exit(Member member, LeaveReason reason, String message) {
        members.remove(member.nick().key());
        if (!member.detached()) {
            audience.remove(member.connection());
        }
        member.placeIn(null, null);
        pendingLeaves.computeIfAbsent(List.of(reason.wireName(), message), k -> new ArrayList<>())
                .add(member.nick().display());
        if (!flushScheduled) {
            flushScheduled = true;
            scheduler.execute(this::flushLeaves);
        }
    }

    /** The member's connection dropped: it keeps its place but receives nothing until it is reattached. */
    void detach(Member member) {
        audience.remove(member.connection());
    }

    /** The member is back on a new connection: the others see it return, then it receives broadcasts again. */
    void reattach(Member member) {
        broadcast(new ServerMessage.Joined(name(), member.nick().display(), clock.instant(), true));
        audience.add(member.connection());
    }

    /** Keeps the members map keyed by the current nickname after a rename. */
    void renamed(Nickname oldNick, Member member) {
        members.remove(oldNick.key());
        members.put(member.nick().key(), member);
    }

    /** A chat line from {@code member}: numbered, stored, then broadcast. */
    void say(Member member, String text, boolean action) {
        StoredMessage message = new StoredMessage(nextId++, clock.instant(), member.nick().display(), text, action);
        said++;
        log.append(message);
        history.addLast(message);
        appendedSinceCompaction++;
        if (retain() && appendedSinceCompaction > settings.historyMax()) {
            // The log holds about twice what is kept: rewrite it with only what is kept.
            log.compact(new ArrayList<>(history), topic, nextId - 1);
            appendedSinceCompaction = 0;
        }
        broadcast(message.toChat(name()));
    }

    void setTopic(String text, String by) {
        topic = new HistoryStore.Topic(text, by, clock.instant());
        log.appendTopic(topic);
        broadcast(new ServerMessage.TopicChanged(name(), text, by, topic.time()));
    }

    /** The last {@code count} messages, oldest first. */
    List<StoredMessage> recent(int count) {
        return before(Long.MAX_VALUE, count);
    }

    /** Up to {@code count} messages with ids below {@code id}, oldest first. */
    List<StoredMessage> before(long id, int count) {
        List<StoredMessage> page = new ArrayList<>(Math.min(count, history.size()));
        for (Iterator<StoredMessage> newest = history.descendingIterator(); newest.hasNext() && page.size() < count; ) {
            StoredMessage message = newest.next();
            if (message.id() < id) {
                page.add(message);
            }
        }
        Collections.reverse(page);
        return page;
    }

    /** Every kept message with an id above {@code id}, oldest first. */
    List<StoredMessage> after(long id) {
        List<StoredMessage> missed = new ArrayList<>();
        for (StoredMessage message : history) {
            if (message.id() > id) {
                missed.add(message);
            }
        }
        return missed;
    }

    /** Whether messages older than {@code id} are kept. */
    boolean hasBefore(long id) {
        return !history.isEmpty() && history.getFirst().id() < id;
    }

    /** Chat lines said in this room since the server started. */
    long said() {
        return said;
    }

    /** The id the next message will get. */
    long nextId() {
        return nextId;
    }

    /** Sends {@code message} to every connected member, after any departure notices still pending. */
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
                name(), nicks, reasonAndMessage.get(0), reasonAndMessage.get(1), clock.instant())));
        pendingLeaves.clear();
        for (ServerMessage notice : notices) {
            audience.broadcast(notice);
        }
    }

    /** Drops what retention no longer keeps, from the oldest; returns whether anything was dropped. */
    private boolean retain() {
        boolean dropped = false;
        while (history.size() > settings.historyMax()) {
            history.removeFirst();
            dropped = true;
        }
        if (!settings.historyMaxAge().isZero()) {
            Instant oldest = clock.instant().minus(settings.historyMaxAge());
            while (!history.isEmpty() && history.getFirst().time().isBefore(oldest)) {
                history.removeFirst();
                dropped = true;
            }
        }
        return dropped;
    }
}
