package dev.lanchat.server.room;

import dev.lanchat.protocol.ServerMessage;

/**
 * One client connection as the chat domain sees it: something to send messages to and to close. The transport
 * implements it. Implementations must be safe to call from the chat thread while their own I/O runs elsewhere.
 */
public interface Connection {

    /** Queues one message for this connection alone. */
    void send(ServerMessage message);

    /** Sends {@code farewell} as the last message, then closes the connection once it is written. */
    void close(ServerMessage.Bye farewell);

    /** A short prefix for log lines about this connection, such as {@code [a1b2c3d4 10.0.0.7:50122]}. */
    String label();

    /** The peer's IP address as text, such as {@code 10.0.0.7}: what bans and mutes apply to. */
    String address();
}
