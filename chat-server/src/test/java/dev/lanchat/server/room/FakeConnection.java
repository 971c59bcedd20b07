package dev.lanchat.server.room;

import dev.lanchat.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A connection that records what the domain sends it. */
final class FakeConnection implements Connection {

    private static final AtomicInteger HOSTS = new AtomicInteger();

    private final String name;
    private final String address;
    private final List<ServerMessage> received = new ArrayList<>();
    private ServerMessage.Bye closedWith;

    /** A connection from an address no other fake connection has. */
    FakeConnection(String name) {
        this(name, "10.0." + (HOSTS.incrementAndGet() / 250) + "." + (HOSTS.get() % 250 + 1));
    }

    FakeConnection(String name, String address) {
        this.name = name;
        this.address = address;
    }

    @Override
    public void send(ServerMessage message) {
        if (closedWith != null) {
            throw new AssertionError(name + " was sent " + message + " after it was closed");
        }
        received.add(message);
    }

    @Override
    public void close(ServerMessage.Bye farewell) {
        send(farewell);
        closedWith = farewell;
    }

    @Override
    public String label() {
        return "[" + name + "]";
    }

    @Override
    public String address() {
        return address;
    }

    List<ServerMessage> received() {
        return received;
    }

    <T extends ServerMessage> List<T> received(Class<T> type) {
        List<T> matching = new ArrayList<>();
        for (ServerMessage message : received) {
            if (type.isInstance(message)) {
                matching.add(type.cast(message));
            }
        }
        return matching;
    }

    ServerMessage last() {
        if (received.isEmpty()) {
            throw new AssertionError(name + " received nothing");
        }
        return received.get(received.size() - 1);
    }

    ServerMessage.Bye closedWith() {
        return closedWith;
    }

    void forget() {
        received.clear();
    }
}
