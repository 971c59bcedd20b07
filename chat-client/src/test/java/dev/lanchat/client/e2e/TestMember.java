package dev.lanchat.client.e2e;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.client.net.ChatConnection;
import dev.lanchat.client.net.ConnectionListener;
import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.ServerMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real client connection, as the terminal client uses it, that queues what it receives for a test to check. */
final class TestMember implements ConnectionListener, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    final String nick;
    private final BlockingQueue<ServerMessage> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private ChatConnection connection;

    private TestMember(String nick) {
        this.nick = nick;
    }

    /** Connects, says hello and waits for the welcome. */
    static TestMember join(InetSocketAddress server, String nick) throws IOException, InterruptedException {
        TestMember member = connect(server, nick);
        member.send(new ClientMessage.Hello(Protocol.VERSION, nick, "test"));
        member.next(ServerMessage.Welcome.class);
        return member;
    }

    static TestMember connect(InetSocketAddress server, String nick) throws IOException, InterruptedException {
        TestMember member = new TestMember(nick);
        member.connection = ChatConnection.open(server.getHostString(), server.getPort(), WAIT, member);
        return member;
    }

    void send(ClientMessage message) {
        connection.send(message);
    }

    void say(String text) {
        send(new ClientMessage.Say(text));
    }

    void command(String name, String args) {
        send(new ClientMessage.Command(name, args));
    }

    /** The next message, which must be of {@code type}; fails after {@link #WAIT}. */
    <T extends ServerMessage> T next(Class<T> type) throws InterruptedException {
        ServerMessage message = inbox.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(message, nick + " waited " + WAIT.toSeconds() + " s for a " + type.getSimpleName());
        return assertInstanceOf(type, message, nick + " expected a " + type.getSimpleName());
    }

    /** Skips messages until one of {@code type} matches {@code condition}; fails after {@link #WAIT}. */
    <T extends ServerMessage> T await(Class<T> type, Predicate<T> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ServerMessage message = inbox.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            assertNotNull(message, nick + " waited " + WAIT.toSeconds() + " s for a matching " + type.getSimpleName());
            if (type.isInstance(message) && condition.test(type.cast(message))) {
                return type.cast(message);
            }
        }
    }

    /** Returns the next message if one arrives within {@code wait}, else {@code null}. */
    ServerMessage poll(Duration wait) throws InterruptedException {
        return inbox.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for the server to close the connection; returns the problem reported, or "" for a clean close. */
    String awaitClosed() throws Exception {
        String problem = closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(closed.isDone());
        return problem;
    }

    @Override
    public void onMessage(ServerMessage message) {
        inbox.add(message);
    }

    @Override
    public void onClosed(String problem) {
        closed.complete(problem == null ? "" : problem);
    }

    @Override
    public void close() {
        connection.close();
    }
}
