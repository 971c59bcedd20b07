package dev.lanchat.server.room;

import dev.lanchat.protocol.ClientMessage.Hello;
import dev.lanchat.protocol.ClientMessage.Resume;
import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.ServerMessage.RoomInfo;
import dev.lanchat.protocol.ServerMessage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat domain's entry point: who is connected under which nickname, in which room, and what each request does.
 * The transport calls it with a {@link Connection} for every request; it answers through that connection and through
 * the rooms' {@link Audience}s.
 *
 * <p>A member whose connection drops keeps its nickname and its place for a grace period; a new connection that
 * presents the member's resume token takes the session up again and receives exactly the messages it missed, and
 * the room sees one {@code reconnected} instead of a departure and an arrival.
 *
 * <p>Not thread-safe by design: every method must be called on the single chat thread, which gives every member the
 * same order of events without locks.
 */
public final class ChatHub {

    private static final Logger log = LoggerFactory.getLogger(ChatHub.class);
    /** Departures a member may come back from with its resume token. */
    private static final Set<LeaveReason> RESUMABLE = Set.of(LeaveReason.LOST, LeaveReason.TIMEOUT,
            LeaveReason.SEND_QUEUE);
    /** Longest topic, in characters. */
    static final int MAX_TOPIC = 200;

    private final HubSettings settings;
    private final Clock clock;
    private final Audience.Factory audiences;
    private final Scheduler scheduler;
    private final HistoryStore store;
    private final ResumeTokens tokens;
    private final Moderation moderation;
    private final CommandTable commands = CommandTable.standard();
    private final Map<Connection, Member> byConnection = new IdentityHashMap<>();
    private final Map<String, Member> byNick = new HashMap<>();
    /** Members by {@link Nickname#lookKey()}, so that no nickname can look like a taken one. */
    private final Map<String, Member> byLook = new HashMap<>();
    private final Map<String, Member> bySession = new HashMap<>();
    private final Map<String, Room> rooms = new LinkedHashMap<>();
    private final Room lobby;
    private final MemberCount memberCount = new MemberCount();
    private final RateMeter said = new RateMeter();
    private boolean shutDown;

    /**
     * @param audiences makes the broadcast group of each room
     * @param scheduler runs tasks on the chat thread later: behind those queued, to batch notices, or after a delay
     * @param store     where rooms keep their history and topics
     * @param tokens    issues and checks resume tokens
     * @param moderation the operator's bans and mutes
     */
    public ChatHub(HubSettings settings, Clock clock, Audience.Factory audiences, Scheduler scheduler,
                   HistoryStore store, ResumeTokens tokens, Moderation moderation) {
        this.settings = settings;
        this.clock = clock;
        this.audiences = audiences;
        this.scheduler = scheduler;
        this.store = store;
        this.tokens = tokens;
        this.moderation = moderation;
        try {
            this.lobby = roomFor(RoomName.of(settings.lobby()));
        } catch (RuleViolation e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Handles a client's hello: on success the client becomes a member, enters the lobby (or, resuming, its room)
     * and is welcomed, then shown the room's recent history (or, resuming, what it missed).
     */
    public HelloOutcome hello(Connection connection, Hello hello) {
        if (byConnection.containsKey(connection)) {
            return refuse(connection, ErrorCode.BAD_HANDSHAKE, "already joined as " + byConnection.get(connection).nick());
        }
        if (shutDown) {
            return refuse(connection, ErrorCode.SERVER_FULL, "the server is shutting down");
        }
        if (hello.version() < 1) {
            return refuse(connection, ErrorCode.UNSUPPORTED_VERSION, "protocol version " + hello.version()
                    + " is not supported; this server speaks version " + Protocol.VERSION);
        }
        Nickname nick;
        try {
            nick = Nickname.of(hello.nick());
        } catch (RuleViolation refused) {
            return refuse(connection, refused.code(), refused.getMessage());
        }
        Resume resume = hello.resume();
        String provenSession = resume == null ? null : tokens.sessionOf(resume.token());
        Member held = provenSession == null ? null : bySession.get(provenSession);
        if (held != null && held.nick().sameAs(nick)) {
            return reattach(held, connection, hello, resume.after());
        }
        try {
            requireFree(nick, null);
        } catch (RuleViolation refused) {
            return refuse(connection, refused.code(), refused.getMessage());
        }
        Member member = new Member(provenSession != null ? provenSession : tokens.newSessionId(), connection, nick);
        byConnection.put(connection, member);
        bySession.put(member.sessionId(), member);
        register(member);
        countChanged();
        Room room = resume == null ? lobby : resumedRoom(resume.room());
        // A token this server issued, whose session a restart has forgotten: the member is coming back.
        room.enter(member, provenSession != null);
        welcome(member, hello, resume != null);
        if (resume == null) {
            sendRecent(member, room);
        } else {
            sendMissed(member, room, resume.after());
        }
        log.info("{} joined {} as {}{}", connection.label(), room.name(), nick, resume == null ? "" : " (resuming)");
        return new HelloOutcome.Welcomed(member);
    }

    /** A line of chat from {@code connection}'s member to its room. */
    public void say(Connection connection, String text) {
        Member member = byConnection.get(connection);
        if (member == null) {
            return;
        }
        try {
            requireNotMuted(member);
            member.room().say(member, TextRules.checkMessage(text), false);
            said.record(clock.millis());
        } catch (RuleViolation refused) {
            reject(member, refused);
        }
    }

    /** A command typed by {@code connection}'s member: {@code name} without its slash, and the rest of the line. */
    public void command(Connection connection, String name, String args) {
        Member member = byConnection.get(connection);
        if (member == null) {
            return;
        }
        try {
            commands.dispatch(this, member, name, args);
        } catch (RuleViolation refused) {
            reject(member, refused);
        }
    }

    /**
     * The connection is gone. A member that lost it by accident keeps its place for the grace period; one that
     * quit, broke the protocol or was removed leaves its room at once.
     */
    public void disconnected(Connection connection, LeaveReason reason) {
        Member member = byConnection.remove(connection);
        if (member == null) {
            return;
        }
        if (!shutDown && RESUMABLE.contains(reason) && !settings.resumeGrace().isZero()) {
            member.room().detach(member);
            member.detach(scheduler.schedule(settings.resumeGrace(), () -> expire(member, reason)));
            log.info("{} lost its connection ({}); holding its place for {} s", member, reason.description(),
                    settings.resumeGrace().toSeconds());
            return;
        }
        leave(member, reason, "");
    }

    /**
     * Says goodbye to every connected member and closes their connections; later hellos are refused. Departure
     * notices still pending go out first, so every member sees everything that happened before the shutdown.
     *
     * @return how many members were connected
     */
    public int shutdown(String text) {
        shutDown = true;
        rooms.values().forEach(Room::flushLeaves);
        List<Member> connected = new ArrayList<>(byConnection.values());
        ServerMessage.Bye bye = new ServerMessage.Bye(LeaveReason.SHUTDOWN, text);
        for (Member member : connected) {
            member.connection().close(bye);
        }
        bySession.values().forEach(Member::cancelExpiry);
        byConnection.clear();
        bySession.clear();
        byNick.clear();
        byLook.clear();
        memberCount.set(0);
        return connected.size();
    }

    /** Members, connected or holding their place. */
    public int memberCount() {
        return bySession.size();
    }

    /** Members with a live connection. */
    public int connectedCount() {
        return byConnection.size();
    }

    /** The same count, readable from any thread and with listeners for its changes. */
    public MemberCount liveMemberCount() {
        return memberCount;
    }

    // The command implementations below are called through the CommandTable.

    void privateMessage(Member sender, String args) throws RuleViolation {
        String[] parts = args.split("\\s+", 2);
        if (parts.length < 2 || parts[0].isEmpty()) {
            throw usage("msg");
        }
        Member target = byNick.get(Nickname.keyOf(parts[0]));
        if (target == null) {
            throw new RuleViolation(ErrorCode.NO_SUCH_NICK, "no one is connected as '" + parts[0] + "'");
        }
        requireNotMuted(sender);
        String text = TextRules.checkMessage(parts[1]);
        ServerMessage message = new ServerMessage.PrivateChat(sender.nick().display(), target.nick().display(),
                clock.instant(), text);
        target.sendPrivate(message);
        if (target != sender) {
            sender.connection().send(message);
            if (target.away() != null) {
                sender.connection().send(notice(target.nick() + " is away"
                        + (target.away().isEmpty() ? "." : ": " + target.away())));
            }
        }
    }

    void action(Member member, String args) throws RuleViolation {
        if (args.isEmpty()) {
            throw usage("me");
        }
        requireNotMuted(member);
        member.room().say(member, TextRules.checkMessage(args), true);
        said.record(clock.millis());
    }

    void changeNick(Member member, String args) throws RuleViolation {
        if (args.isEmpty() || args.chars().anyMatch(Character::isWhitespace)) {
            throw usage("nick");
        }
        Nickname wanted = Nickname.of(args);
        requireFree(wanted, member);
        Nickname old = member.nick();
        if (old.display().equals(wanted.display())) {
            return;
        }
        unregister(member);
        member.rename(wanted);
        register(member);
        member.room().renamed(old, member);
        member.room().broadcast(new ServerMessage.NickChanged(old.display(), wanted.display(), clock.instant()));
        log.info("{} is now known as {}", member.connection().label(), wanted);
    }

    void who(Member member) {
        Room room = member.room();
        member.connection().send(new ServerMessage.Members(room.name(), room.memberInfos()));
    }

    void help(Member member) {
        member.connection().send(new ServerMessage.Notice(commands.helpText(), clock.instant()));
    }

    void quit(Member member, String reason) throws RuleViolation {
        String message = reason.isEmpty() ? "" : TextRules.checkMessage(reason);
        byConnection.remove(member.connection());
        leave(member, LeaveReason.QUIT, message);
        member.connection().close(new ServerMessage.Bye(LeaveReason.QUIT, "Goodbye, " + member.nick() + "."));
    }

    void join(Member member, String args) throws RuleViolation {
        if (args.isEmpty() || args.chars().anyMatch(Character::isWhitespace)) {
            throw usage("join");
        }
        RoomName name = RoomName.of(args);
        Room from = member.room();
        if (from.key().equals(name.key())) {
            member.connection().send(notice("You are in " + from.name() + " already."));
            return;
        }
        from.exit(member, LeaveReason.PART, "");
        Room to = roomFor(name);
        to.enter(member, false);
        member.connection().send(new ServerMessage.Entered(to.name(), to.topic(), to.memberInfos()));
        sendRecent(member, to);
        log.info("{} moved from {} to {}", member, from.name(), to.name());
    }

    void listRooms(Member member) {
        member.connection().send(new ServerMessage.Rooms(roomList()));
    }

    void topic(Member member, String args) throws RuleViolation {
        Room room = member.room();
        if (args.isEmpty()) {
            HistoryStore.Topic topic = room.topicRecord();
            member.connection().send(notice(topic.text().isEmpty() ? room.name() + " has no topic."
                    : "Topic of " + room.name() + ": " + topic.text() + " (set by " + topic.by() + ")"));
            return;
        }
        requireNotMuted(member);
        String text = TextRules.checkMessage(args);
        if (text.indexOf('\n') >= 0 || text.codePointCount(0, text.length()) > MAX_TOPIC) {
            throw new RuleViolation(ErrorCode.BAD_ARGUMENTS, "a topic is one line of at most " + MAX_TOPIC
                    + " characters");
        }
        room.setTopic(text, member.nick().display());
    }

    void history(Member member, String args) throws RuleViolation {
        String[] parts = args.isEmpty() ? new String[0] : args.split("\\s+");
        int count;
        long before;
        try {
            count = parts.length > 0 ? Integer.parseInt(parts[0]) : 20;
            before = parts.length > 1 ? Long.parseLong(parts[1]) : member.historyCursor();
        } catch (NumberFormatException e) {
            throw usage("history");
        }
        if (parts.length > 2 || count < 1 || count > HubSettings.MAX_HISTORY_PAGE || before < 1) {
            throw usage("history");
        }
        Room room = member.room();
        List<StoredMessage> page = room.before(before, count);
        if (page.isEmpty()) {
            member.connection().send(notice("No older messages are kept in " + room.name() + "."));
            return;
        }
        member.historyCursor(page.get(0).id());
        member.connection().send(history(room, page, false, room.hasBefore(page.get(0).id())));
    }

    void away(Member member, String args) throws RuleViolation {
        String message = args.isEmpty() ? "" : TextRules.checkMessage(args);
        if (message.indexOf('\n') >= 0 || message.codePointCount(0, message.length()) > MAX_TOPIC) {
            throw new RuleViolation(ErrorCode.BAD_ARGUMENTS, "an away message is one line of at most " + MAX_TOPIC
                    + " characters");
        }
        member.away(message);
        member.connection().send(notice("You are marked away" + (message.isEmpty() ? "." : ": " + message)
                + " /back clears it."));
    }

    void back(Member member) {
        boolean wasAway = member.away() != null;
        member.away(null);
        member.connection().send(notice(wasAway ? "Welcome back." : "You were not marked away."));
    }

    // What the server's operator can do, from its console. Each returns a sentence saying what it did.

    /** A member as the operator sees it. */
    public record MemberView(String nick, String room, String address, Instant since, String status) {
    }

    /** Every member, in every room. */
    public List<MemberView> members() {
        List<MemberView> views = new ArrayList<>();
        for (Room room : rooms.values()) {
            for (Member member : room.members()) {
                String status = member.detached() ? "reconnecting" : member.away() != null ? "away" : "";
                views.add(new MemberView(member.nick().display(), room.name(), member.connection().address(),
                        member.inRoomSince(), status));
            }
        }
        return views;
    }

    /** The lobby and every room with members. */
    public List<RoomInfo> roomList() {
        List<RoomInfo> list = new ArrayList<>();
        for (Room room : rooms.values()) {
            if (room == lobby || room.size() > 0) {
                list.add(new RoomInfo(room.name(), room.size(), room.topic()));
            }
        }
        list.sort(Comparator.comparing((RoomInfo r) -> !r.name().equals(lobby.name()))
                .thenComparing(RoomInfo::name, String.CASE_INSENSITIVE_ORDER));
        return list;
    }

    /** Chat lines said in every room since the server started. */
    public long linesSaid() {
        long total = 0;
        for (Room room : rooms.values()) {
            total += room.said();
        }
        return total;
    }

    /** Chat lines said a second, in every room, over the last {@code seconds} whole seconds (1 to 60). */
    public double linesPerSecond(int seconds) {
        return said.perSecond(clock.millis(), seconds);
    }

    /** Sends every connected member a notice from the server. */
    public String announce(String text) throws RuleViolation {
        String checked = TextRules.checkMessage(text);
        for (Room room : rooms.values()) {
            room.broadcast(new ServerMessage.Notice("Announcement from the server: " + checked, clock.instant()));
        }
        log.info("operator announcement sent to {} member(s)", byConnection.size());
        return "Sent to " + byConnection.size() + " connected member(s).";
    }

    /** Removes a member: it leaves with reason {@code kicked}; a kick is not a drop, so there is no resume. */
    public String kick(String nickText, String reason) throws RuleViolation {
        Member member = memberNamed(nickText);
        remove(member, reason);
        return member.nick() + " was removed.";
    }

    /**
     * Bans an address, or the address of a member, for {@code duration} ({@code null}: until lifted), and removes
     * every member connected from it.
     */
    public String ban(String target, Duration duration, String reason) throws RuleViolation {
        Member named = byNick.get(Nickname.keyOf(target));
        String address = named != null ? named.connection().address() : addressOf(target);
        Moderation.Ban ban = moderation.ban(address, named == null ? "" : named.nick().display(), duration);
        List<Member> fromThere = new ArrayList<>();
        for (Member member : bySession.values()) {
            if (member.connection().address().equals(address)) {
                fromThere.add(member);
            }
        }
        for (Member member : fromThere) {
            remove(member, reason.isEmpty() ? "banned" : "banned: " + reason);
        }
        log.info("operator banned {} ({}) {}", address, ban.nick(), ban.until() == null ? "until lifted"
                : "until " + ban.until());
        return "Banned " + address + (ban.nick().isEmpty() ? "" : " (" + ban.nick() + ")")
                + (ban.until() == null ? " until lifted" : " until " + ban.until()) + "; removed "
                + fromThere.size() + " member(s).";
    }

    public String unban(String target) throws RuleViolation {
        Moderation.Ban lifted = moderation.unban(target.strip());
        if (lifted == null) {
            throw new RuleViolation(ErrorCode.BAD_ARGUMENTS, "no ban on '" + target + "'");
        }
        return "Lifted the ban on " + lifted.address() + (lifted.nick().isEmpty() ? "" : " (" + lifted.nick() + ")")
                + ".";
    }

    public List<Moderation.Ban> bans() {
        return moderation.bans();
    }

    /** Mutes a member (by its address, so that reconnecting does not lift it) for {@code duration}. */
    public String mute(String nickText, Duration duration) throws RuleViolation {
        Member member = memberNamed(nickText);
        moderation.mute(member.connection().address(), duration);
        member.room().broadcast(notice(member.nick() + " is muted by the operator for "
                + Durations.describe(duration) + "."));
        return member.nick() + " is muted for " + Durations.describe(duration) + ".";
    }

    public String unmute(String nickText) throws RuleViolation {
        Member member = memberNamed(nickText);
        if (!moderation.unmute(member.connection().address())) {
            throw new RuleViolation(ErrorCode.BAD_ARGUMENTS, member.nick() + " is not muted");
        }
        member.room().broadcast(notice(member.nick() + " may speak again."));
        return member.nick() + " may speak again.";
    }

    /** Sets a room's topic as the operator. */
    public String setTopic(String roomName, String text) throws RuleViolation {
        RoomName name = RoomName.of(roomName);
        Room room = rooms.get(name.key());
        if (room == null) {
            throw new RuleViolation(ErrorCode.BAD_ARGUMENTS, "there is no room '" + roomName + "'");
        }
        String checked = TextRules.checkMessage(text);
        room.setTopic(checked, "the operator");
        return "Topic of " + room.name() + " set.";
    }

    private Member memberNamed(String nickText) throws RuleViolation {
        Member member = byNick.get(Nickname.keyOf(nickText));
        if (member == null) {
            throw new RuleViolation(ErrorCode.NO_SUCH_NICK, "no member is called '" + nickText.strip() + "'");
        }
        return member;
    }

    /** Removes a member for the operator, closing its connection if it has one. */
    private void remove(Member member, String reason) {
        boolean connected = !member.detached();
        if (connected) {
            byConnection.remove(member.connection());
        }
        leave(member, LeaveReason.KICKED, reason);
        if (connected) {
            member.connection().close(new ServerMessage.Bye(LeaveReason.KICKED,
                    "You were removed by the server's operator" + (reason.isEmpty() ? "." : ": " + reason)));
        }
    }

    private static String addressOf(String target) throws RuleViolation {
        String text = target.strip();
        if (!text.matches("[0-9.]+|[0-9A-Fa-f:]+") || text.isEmpty()) {
            throw new RuleViolation(ErrorCode.NO_SUCH_NICK, "'" + text + "' is neither a member nor an IP address");
        }
        try {
            return InetAddress.getByName(text).getHostAddress();
        } catch (UnknownHostException e) {
            throw new RuleViolation(ErrorCode.NO_SUCH_NICK, "'" + text + "' is not an IP address");
        }
    }

    private void requireNotMuted(Member member) throws RuleViolation {
        Instant until = moderation.mutedUntil(member.connection().address());
        if (until != null) {
            throw new RuleViolation(ErrorCode.MUTED, "you are muted by the server's operator for "
                    + Durations.describe(Duration.between(clock.instant(), until)) + " more");
        }
    }

    private HelloOutcome reattach(Member member, Connection connection, Hello hello, long after) {
        Room room = member.room();
        if (!member.detached()) {
            // A ghost: the old connection has not noticed it is dead. The new one replaces it.
            byConnection.remove(member.connection());
            room.detach(member);
            member.connection().close(new ServerMessage.Bye(LeaveReason.REPLACED,
                    "Your session was taken up by a new connection."));
        }
        List<ServerMessage> held = member.attach(connection);
        byConnection.put(connection, member);
        room.reattach(member);
        welcome(member, hello, true);
        sendMissed(member, room, after);
        held.forEach(connection::send);
        log.info("{} resumed its session in {}", member, room.name());
        return new HelloOutcome.Welcomed(member);
    }

    private void expire(Member member, LeaveReason reason) {
        if (member.detached() && bySession.get(member.sessionId()) == member) {
            leave(member, reason, "");
        }
    }

    private void leave(Member member, LeaveReason reason, String message) {
        bySession.remove(member.sessionId());
        countChanged();
        unregister(member);
        member.cancelExpiry();
        Room room = member.room();
        room.exit(member, reason, message);
        log.info("{} left {} ({})", member, room.name(), reason.description());
    }

    private void welcome(Member member, Hello hello, boolean resumed) {
        Room room = member.room();
        member.connection().send(new ServerMessage.Welcome(Math.min(hello.version(), Protocol.VERSION),
                member.nick().display(), room.name(), room.topic(), settings.serverName(), settings.motd(),
                room.memberInfos(), commands.infos(), settings.maxFrameBytes(), tokens.tokenFor(member.sessionId()),
                resumed));
    }

    /** The room's recent past, as a member entering it sees it. */
    private void sendRecent(Member member, Room room) {
        List<StoredMessage> recent = room.recent(settings.historyOnJoin());
        member.historyCursor(recent.isEmpty() ? room.nextId() : recent.get(0).id());
        if (!recent.isEmpty()) {
            member.connection().send(history(room, recent, false, room.hasBefore(recent.get(0).id())));
        }
    }

    /** What a resuming member missed: every message after the last one it saw. */
    private void sendMissed(Member member, Room room, long after) {
        List<StoredMessage> missed = room.after(after);
        member.historyCursor(after + 1);
        if (!missed.isEmpty()) {
            member.connection().send(history(room, missed, true, false));
        }
    }

    private static ServerMessage.History history(Room room, List<StoredMessage> messages, boolean unread,
                                                 boolean more) {
        List<ServerMessage.Chat> lines = new ArrayList<>(messages.size());
        for (StoredMessage message : messages) {
            lines.add(message.toChat(room.name()));
        }
        return new ServerMessage.History(room.name(), lines, unread, more);
    }

    /** The room a resuming member returns to: its own if the name is valid, else the lobby. */
    private Room resumedRoom(String name) {
        try {
            return name.isEmpty() ? lobby : roomFor(RoomName.of(name));
        } catch (RuleViolation invalid) {
            return lobby;
        }
    }

    private Room roomFor(RoomName name) {
        return rooms.computeIfAbsent(name.key(), key -> new Room(name, audiences.create(name.display()), clock,
                scheduler, store.open(key, name.display()), settings));
    }

    private ServerMessage.Notice notice(String text) {
        return new ServerMessage.Notice(text, clock.instant());
    }

    /** Tells observers of the member count (the LAN advertisement) what it is now. */
    private void countChanged() {
        memberCount.set(bySession.size());
    }

    private void register(Member member) {
        byNick.put(member.nick().key(), member);
        byLook.put(member.nick().lookKey(), member);
    }

    private void unregister(Member member) {
        byNick.remove(member.nick().key());
        byLook.remove(member.nick().lookKey());
    }

    private void requireFree(Nickname nick, Member self) throws RuleViolation {
        Member holder = byNick.get(nick.key());
        if (holder == null || holder == self) {
            holder = byLook.get(nick.lookKey());
        }
        if (holder != null && holder != self) {
            throw new RuleViolation(ErrorCode.NICK_TAKEN, "the nickname '" + nick + "' is taken"
                    + (holder.nick().display().equals(nick.display()) ? "" : " (as '" + holder.nick() + "')"));
        }
    }

    private RuleViolation usage(String command) {
        return new RuleViolation(ErrorCode.BAD_ARGUMENTS, "usage: " + commands.usageOf(command));
    }

    private static void reject(Member member, RuleViolation refused) {
        member.connection().send(new ServerMessage.Error(refused.code(), refused.getMessage()));
    }

    private static HelloOutcome refuse(Connection connection, ErrorCode code, String text) {
        connection.send(new ServerMessage.Error(code, text));
        return new HelloOutcome.Refused(code, text);
    }
}
