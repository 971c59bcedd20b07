package dev.lanchat.server.room;

import dev.lanchat.protocol.ServerMessage;

/**
 * The set of connections that receive one room's broadcasts. The transport implements it so that a broadcast is
 * encoded once however many members receive it. Every method is called on the chat thread, and a broadcast reaches
 * exactly the connections added before it and not removed before it, in the order of the calls.
 */
public interface Audience {

    void add(Connection connection);

    void remove(Connection connection);

    /** Sends {@code message} to every connection in the audience. */
    void broadcast(ServerMessage message);

    /** Makes an {@link Audience} for a room. */
    @FunctionalInterface
    interface Factory {
        Audience create(String roomName);
    }
}
