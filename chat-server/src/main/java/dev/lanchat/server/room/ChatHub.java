package dev.lanchat.server.room;

import dev.lanchat.protocol.ClientMessage.Hello;
import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.ServerMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat domain's entry point: who is connected under which nickname, in which room, and what each request does.
 * The transport calls it with a {@link Connection} for every request; it answers through that connection and through
 * the rooms' {@link Audience}s.
 *
 * <p>Not thread-safe by design: every method must be called on the single chat thread, which gives every member the
 * same order of events without locks.
 */
public final class ChatHub {

    private static final Logger log = LoggerFactory.getLogger(ChatHub.class);

    private final HubSettings settings;
    private final Clock clock;
    private final Executor later;
    private final CommandTable commands = CommandTable.standard();
    private final Map<Connection, Member> byConnection = new IdentityHashMap<>();
    private final Map<String, Member> byNick = new HashMap<>();
    private final Room lobby;
    private final MemberCount memberCount = new MemberCount();
    private boolean shutDown;

    /**
     * @param audiences makes the broadcast group of each room
     * @param later     runs a task on the chat thread after the tasks already queued there; used to batch notices
     */
    public ChatHub(HubSettings settings, Clock clock, Audience.Factory audiences, Executor later) {
        this.settings = settings;
        this.clock = clock;
        this.later = later;
        this.lobby = new Room(settings.lobby(), audiences.create(settings.lobby()), clock, later);
    }

    /** Handles a client's hello: on success the client becomes a member, enters the lobby and is welcomed. */
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
            requireFree(nick, null);
        } catch (RuleViolation refused) {
            return refuse(connection, refused.code(), refused.getMessage());
        }
        Member member = new Member(connection, nick);
        byConnection.put(connection, member);
        byNick.put(nick.key(), member);
        memberCount.set(byConnection.size());
        lobby.enter(member);
        connection.send(new ServerMessage.Welcome(Math.min(hello.version(), Protocol.VERSION), nick.display(),
                lobby.name(), settings.serverName(), settings.motd(), lobby.memberInfos(), commands.infos(),
                settings.maxFrameBytes()));
        log.info("{} joined {} as {}", connection.label(), lobby.name(), nick);
        return new HelloOutcome.Welcomed(member);
    }

    /** A line of chat from {@code connection}'s member to its room. */
    public void say(Connection connection, String text) {
        Member member = byConnection.get(connection);
        if (member == null) {
            return;
        }
        try {
            String checked = TextRules.checkMessage(text);
            member.room().broadcast(new ServerMessage.Chat(member.room().name(), member.nick().display(),
                    clock.instant(), checked, false));
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

    /** The connection is gone; if it belonged to a member, the member leaves its room for {@code reason}. */
    public void disconnected(Connection connection, LeaveReason reason) {
        Member member = byConnection.remove(connection);
        if (member == null) {
            return;
        }
        byNick.remove(member.nick().key());
        memberCount.set(byConnection.size());
        Room room = member.room();
        room.exit(member, reason, "");
        log.info("{} left {} ({})", member, room.name(), reason.description());
    }

    /**
     * Says goodbye to every member and closes their connections; later hellos are refused. Departure notices still
     * pending go out first, so every member sees everything that happened before the shutdown.
     *
     * @return how many members were connected
     */
    public int shutdown(String text) {
        shutDown = true;
        lobby.flushLeaves();
        List<Member> members = new ArrayList<>(byConnection.values());
        ServerMessage.Bye bye = new ServerMessage.Bye(LeaveReason.SHUTDOWN, text);
        for (Member member : members) {
            member.connection().close(bye);
        }
        byConnection.clear();
        byNick.clear();
        memberCount.set(0);
        return members.size();
    }

    /** How many connections completed the handshake and are still here. */
    public int memberCount() {
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
        String text = TextRules.checkMessage(parts[1]);
        ServerMessage message = new ServerMessage.PrivateChat(sender.nick().display(), target.nick().display(),
                clock.instant(), text);
        target.connection().send(message);
        if (target != sender) {
            sender.connection().send(message);
        }
    }

    void action(Member member, String args) throws RuleViolation {
        if (args.isEmpty()) {
            throw usage("me");
        }
        String text = TextRules.checkMessage(args);
        member.room().broadcast(new ServerMessage.Chat(member.room().name(), member.nick().display(),
                clock.instant(), text, true));
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
        byNick.remove(old.key());
        member.rename(wanted);
        byNick.put(wanted.key(), member);
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
        byNick.remove(member.nick().key());
        memberCount.set(byConnection.size());
        Room room = member.room();
        room.exit(member, LeaveReason.QUIT, message);
        member.connection().close(new ServerMessage.Bye(LeaveReason.QUIT, "Goodbye, " + member.nick() + "."));
        log.info("{} left {} (quit)", member, room.name());
    }

    private void requireFree(Nickname nick, Member self) throws RuleViolation {
        Member holder = byNick.get(nick.key());
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
