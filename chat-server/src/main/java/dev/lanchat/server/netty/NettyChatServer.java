package dev.lanchat.server.netty;

import dev.lanchat.protocol.netty.Transport;
import dev.lanchat.server.room.Audience;
import dev.lanchat.server.room.ChatHub;
import dev.lanchat.server.room.MemberCount;
import dev.lanchat.server.room.Moderation;
import dev.lanchat.server.room.Scheduler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty side of the server: event loops, the listening socket, every open connection, and the chat thread that
 * owns the {@link ChatHub}. Thread-safe; {@link #shutdown} must be called once.
 */
public final class NettyChatServer {

    private static final Logger log = LoggerFactory.getLogger(NettyChatServer.class);

    private final Transport transport;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final ChatThread chat = new ChatThread();
    private final ChatHub hub;
    private final ChannelGroup everyone = new DefaultChannelGroup("connections", GlobalEventExecutor.INSTANCE);
    private final ServerContext context;
    private volatile Channel listener;

    /**
     * @param tls        the TLS context, or {@code null} for plain TCP
     * @param password   the room password, or {@code null} for an open room
     * @param hubFactory makes the hub from the audience factory and the chat thread's scheduler that this transport
     *                   provides
     */
    public NettyChatServer(Transport transport, int ioThreads, ConnectionLimits limits, SslContext tls,
                           String password, Moderation moderation,
                           BiFunction<Audience.Factory, Scheduler, ChatHub> hubFactory) {
        this.transport = transport;
        this.acceptors = transport.newGroup(1, "accept");
        this.workers = transport.newGroup(ioThreads, "io");
        // Broadcast frames come from the pooled allocator: a retained duplicate of a pooled buffer is a recycled
        // object, where Netty 4.2's default (adaptive) allocator makes a new duplicate for every recipient.
        ByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
        DeliveryBacklog backlog = new DeliveryBacklog();
        this.hub = hubFactory.apply(room -> new ShardedAudience(allocator, backlog), chat);
        OffenceLog offences = new OffenceLog();
        this.context = new ServerContext(hub, chat, limits, offences, new Admissions(limits),
                new PasswordGate(password), everyone, tls, new ErrorHandler(offences), backlog, moderation);
    }

    /** Binds the listening socket; returns the address actually bound (with the real port if 0 was asked). */
    public InetSocketAddress bind(InetSocketAddress address) throws InterruptedException {
        ConnectionLimits limits = context.limits();
        // The queue turns unwritable well before the hard cap, which starts the clock on a stuck member.
        int high = Math.min(64 * 1024, limits.sendQueueBytes() / 2);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(transport.serverChannelClass())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.SO_SNDBUF, limits.socketSendBuffer())
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(high / 2, high))
                .childHandler(new ChatServerInitializer(context));
        try {
            listener = bootstrap.bind(address).sync().channel();
        } catch (InterruptedException | RuntimeException e) {
            releaseThreads();
            throw e;
        }
        return boundAddress();
    }

    /**
     * Runs {@code task} on the chat thread and returns its result, for callers that are not on it (the operator's
     * console); waits at most a few seconds.
     */
    public <T> T onChatThread(Callable<T> task) throws Exception {
        Future<T> result = chat.call(task);
        if (!result.await(5, TimeUnit.SECONDS)) {
            throw new TimeoutException("the chat thread did not answer within 5 s");
        }
        if (!result.isSuccess()) {
            Throwable cause = result.cause();
            throw cause instanceof Exception ? (Exception) cause : new IllegalStateException(cause);
        }
        return result.getNow();
    }

    /** The hub; call it only on the chat thread, through {@link #onChatThread}. */
    public ChatHub hub() {
        return hub;
    }

    /** Broadcast tasks queued on the event loops; for statistics. */
    public int deliveryBacklog() {
        return context.backlog().queuedTasks();
    }

    /** Open connections, joined or not; for statistics and tests. */
    public int openConnections() {
        return context.admissions().open();
    }

    public InetSocketAddress boundAddress() {
        Channel bound = listener;
        return bound == null ? null : (InetSocketAddress) bound.localAddress();
    }

    /** How many members the hub has, readable from any thread. */
    public MemberCount memberCount() {
        return hub.liveMemberCount();
    }

    /**
     * Stops accepting, has the hub say goodbye to every member (behind everything already queued for the chat
     * thread, so nothing accepted is lost), waits up to {@code grace} for the goodbyes to be written, then closes
     * whatever is left and stops the threads.
     */
    public void shutdown(String reason, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        Channel bound = listener;
        if (bound != null) {
            bound.close().awaitUninterruptibly();
        }
        Future<?> goodbyes = chat.submit(() -> {
            int members = hub.shutdown(reason);
            log.info("shutting down: said goodbye to {} member(s)", members);
        });
        goodbyes.awaitUninterruptibly(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        // Connections that never joined get no goodbye; close them now rather than wait.
        everyone.close(channel -> channel.pipeline().get(HandshakeHandler.class) != null);
        everyone.newCloseFuture().awaitUninterruptibly(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        int stuck = everyone.size();
        if (stuck > 0) {
            log.info("cutting off {} connection(s) that did not take their goodbye in time", stuck);
        }
        everyone.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        releaseThreads();
    }

    private void releaseThreads() {
        Future<?> workersDone = workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        Future<?> acceptorsDone = acceptors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        Future<?> chatDone = chat.shutdown();
        workersDone.awaitUninterruptibly(3, TimeUnit.SECONDS);
        acceptorsDone.awaitUninterruptibly(3, TimeUnit.SECONDS);
        chatDone.awaitUninterruptibly(3, TimeUnit.SECONDS);
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }
}
