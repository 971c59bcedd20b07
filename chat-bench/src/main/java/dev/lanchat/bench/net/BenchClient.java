package dev.lanchat.bench.net;

import dev.lanchat.protocol.ClientMessage;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import java.util.concurrent.CompletableFuture;

/**
 * One connection of the load generator, made by {@link ClientFleet}: a nickname, its channel, and the
 * {@link ClientListener} that gets what it receives. {@link #welcomed()} completes when the server admits it.
 *
 * <p>Thread-safe. {@link #write} and {@link #flush} are cheapest on the client's own {@link #eventLoop()}, where the
 * scenarios call them; from another thread Netty queues them to that loop in call order.
 */
public final class BenchClient {

    private final String nick;
    private final ClientListener listener;
    private final CompletableFuture<BenchClient> welcomed = new CompletableFuture<>();
    private volatile Channel channel;

    BenchClient(String nick, ClientListener listener) {
        this.nick = nick;
        this.listener = listener;
    }

    public String nick() {
        return nick;
    }

    public ClientListener listener() {
        return listener;
    }

    /** Completes with this client once welcomed; fails with a {@link JoinException} if it is refused or cut off. */
    public CompletableFuture<BenchClient> welcomed() {
        return welcomed;
    }

    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    public boolean isOpen() {
        Channel current = channel;
        return current != null && current.isActive();
    }

    /** Queues {@code message} without flushing it. */
    public void write(ClientMessage message) {
        channel.write(message, channel.voidPromise());
    }

    public void flush() {
        channel.flush();
    }

    /** Queues {@code message} and flushes. */
    public void send(ClientMessage message) {
        channel.writeAndFlush(message, channel.voidPromise());
    }

    /** Closes the connection; the returned future completes when it is closed. Does nothing before connecting. */
    public ChannelFuture close() {
        return channel.close();
    }

    void attach(Channel connected) {
        channel = connected;
    }

    Channel channel() {
        return channel;
    }

    void admitted() {
        welcomed.complete(this);
    }

    /** Fails the join; does nothing once the client was welcomed. Returns whether the join was still pending. */
    boolean refused(String why) {
        return welcomed.completeExceptionally(new JoinException(nick + ": " + why));
    }

    boolean isWelcomed() {
        return welcomed.isDone() && !welcomed.isCompletedExceptionally();
    }

    @Override
    public String toString() {
        return nick;
    }
}
