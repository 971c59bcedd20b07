package dev.lanchat.server.e2e;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.MessageCodec;
import dev.lanchat.protocol.ProtocolException;
import dev.lanchat.protocol.ServerMessage;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A client made of a plain blocking socket, so a test controls exactly what goes on the wire: well-formed
 * messages, raw bytes, half frames, a reset, or nothing read at all.
 */
final class WireClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<ServerMessage> inbox = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Consumer<ServerMessage> onReceive = message -> { };

    private WireClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Connects and reads everything the server sends into a queue. */
    static WireClient connect(InetSocketAddress server) throws IOException {
        WireClient client = new WireClient(new Socket(server.getAddress(), server.getPort()));
        client.startReading();
        return client;
    }

    /**
     * Connects from another loopback address, such as {@code 127.0.0.5}, to be told apart from other clients by what
     * the server keys on addresses (bans, mutes, per-address limits).
     */
    static WireClient connectFrom(String localAddress, InetSocketAddress server) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(localAddress, 0));
        socket.connect(server);
        WireClient client = new WireClient(socket);
        client.startReading();
        return client;
    }

    /** Connects with a small receive buffer and never reads: a member whose send queue will fill up. */
    static WireClient connectNeverReading(InetSocketAddress server) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(server);
        return new WireClient(socket);
    }

    WireClient join(String nick) throws IOException, InterruptedException {
        send(new ClientMessage.Hello(1, nick, "wire-test"));
        next(ServerMessage.Welcome.class);
        return this;
    }

    /** Sends a hello without waiting for the answer, for a client that will never read it. */
    WireClient helloBlind(String nick) throws IOException {
        send(new ClientMessage.Hello(1, nick, "wire-test"));
        return this;
    }

    void send(ClientMessage message) throws IOException {
        byte[] payload = MessageCodec.encode(message).getBytes(StandardCharsets.UTF_8);
        sendRaw(ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array());
    }

    synchronized void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Has {@code probe} see every message on the reading thread the moment it arrives, to time it. */
    void onReceive(Consumer<ServerMessage> probe) {
        this.onReceive = probe;
    }

    <T extends ServerMessage> T next(Class<T> type) throws InterruptedException {
        ServerMessage message = inbox.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(message, "waited " + WAIT.toSeconds() + " s for a " + type.getSimpleName());
        return assertInstanceOf(type, message);
    }

    /** Skips messages until one of {@code type} matches; fails after {@link #WAIT}. */
    <T extends ServerMessage> T await(Class<T> type, Predicate<T> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            ServerMessage message = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(message, "waited " + WAIT.toSeconds() + " s for a matching " + type.getSimpleName());
            if (type.isInstance(message) && condition.test(type.cast(message))) {
                return type.cast(message);
            }
        }
    }

    /** Waits until the server closes the connection; true if it did within {@code wait}. */
    boolean awaitClosed(Duration wait) throws InterruptedException {
        return closed.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the connection with a TCP reset, as a killed process or a pulled cable would, mid-frame or not. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void startReading() {
        Thread reader = new Thread(() -> {
            try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
                while (true) {
                    int length = in.readInt();
                    byte[] payload = new byte[length];
                    in.readFully(payload);
                    ServerMessage message = MessageCodec.decodeServerMessage(new String(payload, StandardCharsets.UTF_8));
                    onReceive.accept(message);
                    inbox.add(message);
                }
            } catch (EOFException | java.net.SocketException end) {
                // The server closed the connection, or the test did.
            } catch (IOException | ProtocolException e) {
                throw new IllegalStateException(e);
            } finally {
                closed.countDown();
            }
        }, "wire-client-reader");
        reader.setDaemon(true);
        reader.start();
    }
}
