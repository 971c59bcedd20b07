package dev.lanchat.client.console;

/** Where the connection to the server stands, as the status line shows it. Immutable. */
public sealed interface ConnectionState {

    ConnectionState CONNECTING = new Connecting();
    ConnectionState CONNECTED = new Connected();
    ConnectionState DISCONNECTED = new Disconnected();

    /** A few words for the status line. */
    String describe();

    /** The first connection is being made. */
    record Connecting() implements ConnectionState {
        @Override
        public String describe() {
            return "connecting";
        }
    }

    /** Joined and chatting. */
    record Connected() implements ConnectionState {
        @Override
        public String describe() {
            return "connected";
        }
    }

    /**
     * The connection dropped and the client is trying again.
     *
     * @param seconds how long until the next attempt; 0 while an attempt is under way
     */
    record Reconnecting(long seconds) implements ConnectionState {
        @Override
        public String describe() {
            return seconds > 0 ? "reconnecting in " + seconds + " s" : "reconnecting...";
        }
    }

    /** The connection is gone for good: the session is over. */
    record Disconnected() implements ConnectionState {
        @Override
        public String describe() {
            return "disconnected";
        }
    }
}
