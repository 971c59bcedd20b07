package dev.lanchat.protocol;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * A message a server sends to a client. The server stamps every sender and time itself, so a client can never
 * forge another member's line or a system notice. Codes and reasons are kept as wire strings so that a client can
 * carry values a later server adds. Immutable; times are held to the millisecond, as on the wire.
 */
public sealed interface ServerMessage {

    /**
     * The successful end of the handshake: who the client is now, where, and with whom.
     *
     * @param resume  the token with which to resume this session after a lost connection
     * @param resumed whether this welcome resumed an earlier session rather than starting a new one
     */
    record Welcome(int version, String nick, String room, String topic, String server, String motd,
                   List<MemberInfo> members, List<CommandInfo> commands, int maxFrameBytes, String resume,
                   boolean resumed) implements ServerMessage {
        public Welcome {
            Objects.requireNonNull(nick, "nick");
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(motd, "motd");
            members = List.copyOf(members);
            commands = List.copyOf(commands);
            Objects.requireNonNull(resume, "resume");
        }
    }

    /**
     * A line of chat in a room; {@code action} marks a {@code /me} line.
     *
     * @param id the message's number in its room, increasing by one; 0 for none
     */
    record Chat(String room, long id, String from, Instant time, String text, boolean action)
            implements ServerMessage {
        public Chat {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(from, "from");
            time = millis(time);
            Objects.requireNonNull(text, "text");
        }

        /** A line without an id. */
        public Chat(String room, String from, Instant time, String text, boolean action) {
            this(room, 0, from, time, text, action);
        }
    }

    /**
     * Messages from a room's history: the recent past on entering a room, older pages for {@code /history}, or
     * what the client missed while its connection was down.
     *
     * @param unread whether these are messages the client missed while away, rather than history it had seen
     * @param more   whether older messages than these are kept
     */
    record History(String room, List<Chat> messages, boolean unread, boolean more) implements ServerMessage {
        public History {
            Objects.requireNonNull(room, "room");
            messages = List.copyOf(messages);
        }
    }

    /** The client moved to another room ({@code /join}); history and live messages of that room follow. */
    record Entered(String room, String topic, List<MemberInfo> members) implements ServerMessage {
        public Entered {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(topic, "topic");
            members = List.copyOf(members);
        }
    }

    /** The rooms of the server, the answer to {@code /rooms}. */
    record Rooms(List<RoomInfo> rooms) implements ServerMessage {
        public Rooms {
            rooms = List.copyOf(rooms);
        }
    }

    /** A room's topic changed. */
    record TopicChanged(String room, String topic, String by, Instant time) implements ServerMessage {
        public TopicChanged {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(by, "by");
            time = millis(time);
        }
    }

    /** A private message; both the sender and the target receive it. */
    record PrivateChat(String from, String to, Instant time, String text) implements ServerMessage {
        public PrivateChat {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            time = millis(time);
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Someone joined a room.
     *
     * @param resumed whether this is a member coming back after a lost connection, rather than someone new
     */
    record Joined(String room, String nick, Instant time, boolean resumed) implements ServerMessage {
        public Joined {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(nick, "nick");
            time = millis(time);
        }

        /** Someone new joined. */
        public Joined(String room, String nick, Instant time) {
            this(room, nick, time, false);
        }
    }

    /**
     * One or more members left a room for the same reason. Departures that happen together (a network failure that
     * drops many clients at once) arrive as one message rather than one each.
     *
     * @param reason  a {@link LeaveReason} wire name
     * @param message the member's own words ({@code /quit see you}) or an operator's, empty when none
     */
    record Left(String room, List<String> nicks, String reason, String message, Instant time) implements ServerMessage {
        public Left {
            Objects.requireNonNull(room, "room");
            nicks = List.copyOf(nicks);
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
            time = millis(time);
        }

        public Left(String room, List<String> nicks, LeaveReason reason, String message, Instant time) {
            this(room, nicks, reason.wireName(), message, time);
        }
    }

    /** A member changed nickname. */
    record NickChanged(String oldNick, String newNick, Instant time) implements ServerMessage {
        public NickChanged {
            Objects.requireNonNull(oldNick, "oldNick");
            Objects.requireNonNull(newNick, "newNick");
            time = millis(time);
        }
    }

    /** The members of a room, in the order they joined. */
    record Members(String room, List<MemberInfo> members) implements ServerMessage {
        public Members {
            Objects.requireNonNull(room, "room");
            members = List.copyOf(members);
        }
    }

    /** A message from the server itself, never from a member: help text, announcements. */
    record Notice(String text, Instant time) implements ServerMessage {
        public Notice {
            Objects.requireNonNull(text, "text");
            time = millis(time);
        }
    }

    /**
     * A refused request or a protocol violation.
     *
     * @param code an {@link ErrorCode} wire name
     */
    record Error(String code, String text) implements ServerMessage {
        public Error {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(text, "text");
        }

        public Error(ErrorCode code, String text) {
            this(code.wireName(), text);
        }
    }

    /**
     * The last message on a connection the server closes on purpose.
     *
     * @param reason a {@link LeaveReason} wire name
     */
    record Bye(String reason, String text) implements ServerMessage {
        public Bye {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(text, "text");
        }

        public Bye(LeaveReason reason, String text) {
            this(reason.wireName(), text);
        }
    }

    /** Asks the client to answer with a {@link ClientMessage.Pong} carrying the same token. */
    record Ping(String token) implements ServerMessage {
        public Ping {
            Objects.requireNonNull(token, "token");
        }
    }

    /** The answer to a {@link ClientMessage.Ping}. */
    record Pong(String token) implements ServerMessage {
        public Pong {
            Objects.requireNonNull(token, "token");
        }
    }

    /**
     * A member of a room, the time it joined, and its status.
     *
     * @param status empty for a connected member, {@code away} for one who said so with {@code /away},
     *               {@code reconnecting} for one whose connection dropped and whose place is held for it
     * @param away   the away message, empty when none
     */
    record MemberInfo(String nick, Instant since, String status, String away) {
        public MemberInfo {
            Objects.requireNonNull(nick, "nick");
            since = millis(since);
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(away, "away");
        }

        /** A member with a status and no away message. */
        public MemberInfo(String nick, Instant since, String status) {
            this(nick, since, status, "");
        }

        /** A connected member. */
        public MemberInfo(String nick, Instant since) {
            this(nick, since, "", "");
        }
    }

    /** A room as {@code /rooms} lists it. */
    record RoomInfo(String name, int members, String topic) {
        public RoomInfo {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(topic, "topic");
        }
    }

    /** One row of the server's command table, as shown by {@code /help} and used for completion. */
    record CommandInfo(String name, String args, String help) {
        public CommandInfo {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(args, "args");
            Objects.requireNonNull(help, "help");
        }
    }

    private static Instant millis(Instant time) {
        return Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MILLIS);
    }
}
