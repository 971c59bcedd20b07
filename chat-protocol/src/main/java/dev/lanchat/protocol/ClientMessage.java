package dev.lanchat.protocol;

import java.util.Objects;

/**
 * A message a client sends to a server. {@link MessageCodec} turns these into their JSON text and back;
 * {@code PROTOCOL.md} documents each one. Immutable.
 */
public sealed interface ClientMessage {

    /**
     * The first message on every connection: the protocol version the client speaks, the nickname it wants, the
     * room's password if it has one (empty for none), and, after a lost connection, what it needs to resume.
     *
     * @param resume the session to resume, or {@code null} for a new one
     */
    record Hello(int version, String nick, String client, String password, Resume resume) implements ClientMessage {
        public Hello {
            Objects.requireNonNull(nick, "nick");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(password, "password");
        }

        /** A hello for a new session. */
        public Hello(int version, String nick, String client, String password) {
            this(version, nick, client, password, null);
        }

        /** A hello for a new session, without a password. */
        public Hello(int version, String nick, String client) {
            this(version, nick, client, "", null);
        }

        /** Keeps the password and the resume token out of logs and exception messages. */
        @Override
        public String toString() {
            return "Hello[version=" + version + ", nick=" + nick + ", client=" + client + ", password="
                    + (password.isEmpty() ? "none" : "***") + ", resume=" + (resume == null ? "none" : "***") + "]";
        }
    }

    /**
     * What a client that lost its connection needs to take up where it left off.
     *
     * @param token the resume token of its welcome
     * @param room  the room it was in
     * @param after the id of the last message it saw in that room (0 if none); it is sent every later one
     */
    record Resume(String token, String room, long after) {
        public Resume {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(room, "room");
        }
    }

    /** A line of chat for the sender's current room. May span several lines. */
    record Say(String text) implements ClientMessage {
        public Say {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A command as the user typed it, without the leading slash: {@code /msg bob hi} is name {@code msg}, args
     * {@code bob hi}. The server owns the command table, so a client needs no update when commands are added.
     */
    record Command(String name, String args) implements ClientMessage {
        public Command {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(args, "args");
        }
    }

    /** Asks the server to answer with a {@link ServerMessage.Pong} carrying the same token. */
    record Ping(String token) implements ClientMessage {
        public Ping {
            Objects.requireNonNull(token, "token");
        }
    }

    /** The answer to a {@link ServerMessage.Ping}, carrying its token. */
    record Pong(String token) implements ClientMessage {
        public Pong {
            Objects.requireNonNull(token, "token");
        }
    }
}
