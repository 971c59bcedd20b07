package dev.lanchat.server.room;

import dev.lanchat.protocol.ServerMessage;
import java.util.LinkedHashSet;
import java.util.Set;

/** An audience that hands each broadcast to the fake connections added to it, as the real one does over sockets. */
final class FakeAudience implements Audience {

    private final Set<Connection> members = new LinkedHashSet<>();
    private int broadcasts;

    @Override
    public void add(Connection connection) {
        if (!members.add(connection)) {
            throw new AssertionError(connection.label() + " added twice");
        }
    }

    @Override
    public void remove(Connection connection) {
        if (!members.remove(connection)) {
            throw new AssertionError(connection.label() + " removed but not present");
        }
    }

    @Override
    public void broadcast(ServerMessage message) {
        broadcasts++;
        for (Connection member : members) {
            member.send(message);
        }
    }

    Set<Connection> members() {
        return members;
    }

    int broadcasts() {
        return broadcasts;
    }
}
