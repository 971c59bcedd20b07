package dev.lanchat.bench.net;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.Version;
import dev.lanchat.protocol.netty.ChatFraming;
import dev.lanchat.protocol.netty.ClientSideCodec;
import dev.lanchat.protocol.netty.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The load generator's connections: one event loop group, and every {@link BenchClient} made on it. Each client's
 * pipeline, from the socket up:
 *
 * <ol>
 *   <li>the project's framing and text codecs ({@link ChatFraming#install}), accepting server frames up to
 *       {@link Protocol#SERVER_MAX_FRAME_BYTES};</li>
 *   <li>{@link FastPathHandler}, placed right after the frame decoder so that chat lines and presence notices are
 *       read from their bytes before the text decoder would turn them into Strings;</li>
 *   <li>the client message codec ({@link ClientSideCodec}) for the rest, and for what the client sends;</li>
 *   <li>{@link ControlHandler}, last, so that every exception ends there.</li>
 * </ol>
 *
 * Thread-safe. {@link #close} must be called once; it closes every connection and stops the threads.
 */
public final class ClientFleet implements AutoCloseable {

    /** The software name a bench client gives in its hello, for the server's log. */
    public static final String CLIENT_NAME = "lanchat-bench/" + Version.current();

    private static final String FAST_PATH = "fast-path";

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final ChannelGroup channels = new DefaultChannelGroup("bench", GlobalEventExecutor.INSTANCE);

    public ClientFleet(Transport transport, int ioThreads) {
        this.group = transport.newGroup(ioThreads, "bench-io");
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.socketChannelClass())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
    }

    /**
     * Connects and sends a hello; the client's {@link BenchClient#welcomed()} completes when the server admits it,
     * or fails if it does not within {@code timeout}.
     *
     * @param local the local address to bind, to spread many connections over loopback addresses; {@code null}
     *              lets the system choose
     */
    public BenchClient connect(InetSocketAddress server, InetSocketAddress local, String nick,
                               ClientListener listener, Duration timeout) {
        BenchClient client = new BenchClient(nick, listener);
        Bootstrap connector = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                client.attach(channel);
                channels.add(channel);
                ChannelPipeline pipeline = channel.pipeline();
                ChatFraming.install(pipeline, Protocol.SERVER_MAX_FRAME_BYTES);
                pipeline.addAfter(ChatFraming.FRAME_DECODER, FAST_PATH, new FastPathHandler(client));
                pipeline.addLast("codec", ClientSideCodec.INSTANCE);
                pipeline.addLast("control", new ControlHandler(client));
            }
        });
        ChannelFuture connected = local == null ? connector.connect(server) : connector.connect(server, local);
        connected.addListener(attempt -> {
            if (!attempt.isSuccess()) {
                client.refused("cannot connect to " + server.getAddress().getHostAddress() + ":" + server.getPort()
                        + (local == null ? "" : " from " + local.getAddress().getHostAddress()) + ": "
                        + attempt.cause().getMessage());
                return;
            }
            Channel channel = connected.channel();
            channel.writeAndFlush(new ClientMessage.Hello(Protocol.VERSION, nick, CLIENT_NAME), channel.voidPromise());
            channel.eventLoop().schedule(() -> {
                if (client.refused("no welcome within " + timeout.toMillis() + " ms")) {
                    channel.close();
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        });
        return client;
    }

    /**
     * Connects every client of {@code requests} with at most {@code concurrency} handshakes under way at once, and
     * waits until all are welcomed. The first failure stops further connections and is thrown.
     *
     * @throws JoinException naming the first client that could not join, or saying that time ran out
     */
    public List<BenchClient> joinAll(InetSocketAddress server, List<JoinRequest> requests, int concurrency,
                                     Duration timeout) throws JoinException, InterruptedException {
        List<BenchClient> clients = new ArrayList<>(requests.size());
        boolean joined = false;
        try {
            joinEach(server, requests, concurrency, timeout, clients);
            joined = true;
            return clients;
        } finally {
            if (!joined) {
                // Leave nothing behind: a half-filled room would skew the next run.
                for (BenchClient client : clients) {
                    client.welcomed().thenAccept(BenchClient::close);
                    if (client.channel() != null) {
                        client.close();
                    }
                }
            }
        }
    }

    private void joinEach(InetSocketAddress server, List<JoinRequest> requests, int concurrency, Duration timeout,
                          List<BenchClient> clients) throws JoinException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Semaphore handshakes = new Semaphore(concurrency);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (JoinRequest request : requests) {
            if (!handshakes.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw tooSlow(clients, requests.size(), timeout);
            }
            if (failure.get() != null) {
                break;
            }
            BenchClient client = connect(server, request.local(), request.nick(), request.listener(),
                    Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            client.welcomed().whenComplete((joined, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                handshakes.release();
            });
            clients.add(client);
        }
        CompletableFuture<?>[] all = clients.stream().map(BenchClient::welcomed).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            failure.compareAndSet(null, e.getCause());
        } catch (TimeoutException e) {
            throw tooSlow(clients, requests.size(), timeout);
        }
        Throwable first = failure.get();
        if (first != null) {
            throw first instanceof JoinException ? (JoinException) first : new JoinException(first.toString());
        }
    }

    private static JoinException tooSlow(List<BenchClient> started, int wanted, Duration timeout) {
        long joined = started.stream().filter(BenchClient::isWelcomed).count();
        return new JoinException("only " + joined + " of " + wanted + " clients had joined after "
                + timeout.toMillis() / 1000.0 + " s");
    }

    /** Closes every connection made so far and waits up to {@code timeout} for them to close. */
    public void closeAll(Duration timeout) {
        channels.close().awaitUninterruptibly(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closeAll(Duration.ofSeconds(5));
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** One client to connect: its nickname, the local address to bind (or {@code null}), and its listener. */
    public record JoinRequest(String nick, InetSocketAddress local, ClientListener listener) {
    }
}
