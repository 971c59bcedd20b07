package dev.lanchat.bench.scale;

import dev.lanchat.bench.fanout.BenchClock;
import dev.lanchat.bench.fanout.ChatLine;
import dev.lanchat.bench.net.BenchClient;
import dev.lanchat.bench.net.ClientFleet;
import dev.lanchat.bench.net.JoinException;
import dev.lanchat.bench.server.ProcessProbe;
import dev.lanchat.bench.server.ProcessProbe.Reading;
import dev.lanchat.protocol.ClientMessage;
import io.netty.util.concurrent.Future;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scale run: many idle members join one room, the run waits until the join storm has settled (every member has
 * heard of every later one), reads the server's memory, then times broadcasts to all of them.
 *
 * <p>Many connections from one address would run out of ephemeral ports near 28,000 (Linux's default range), so
 * beyond {@link ScalePlan#CLIENTS_PER_SOURCE_ADDRESS} connections they are spread over source addresses
 * 127.0.0.1, 127.0.0.2, ... which all reach an IPv4 loopback server, since Linux routes all of 127.0.0.0/8 to the
 * loopback interface.
 *
 * <p>Call {@link #run} from one thread (not an event loop): it blocks for the length of the run.
 */
public final class ScaleRun {

    private static final Logger log = LoggerFactory.getLogger(ScaleRun.class);

    private static final long BROADCAST_TIMEOUT_SECONDS = 60;
    private static final int LINE_BYTES = 64;

    private final ClientFleet fleet;
    private final InetSocketAddress server;
    private final ScalePlan plan;
    private final OptionalLong serverPid;
    private final String tag;

    public ScaleRun(ClientFleet fleet, InetSocketAddress server, ScalePlan plan, OptionalLong serverPid, String tag) {
        this.fleet = fleet;
        this.server = server;
        this.plan = plan;
        this.serverPid = serverPid;
        this.tag = tag;
    }

    public ScaleResult run() throws JoinException, InterruptedException {
        ScaleMember.Shared shared = new ScaleMember.Shared();
        List<InetSocketAddress> sources = sourceAddresses();
        Reading rssBefore = rss();
        Reading liveBefore = heap(true);

        List<ClientFleet.JoinRequest> requests = new ArrayList<>(plan.clients());
        for (int i = 0; i < plan.clients(); i++) {
            InetSocketAddress local = sources.isEmpty() ? null : sources.get(i % sources.size());
            requests.add(new ClientFleet.JoinRequest(tag + "c" + i, local, new ScaleMember(shared)));
        }
        log.info("scale: {} members joining, {} handshakes at a time, from {} source address(es)", plan.clients(),
                plan.concurrency(), Math.max(1, sources.size()));
        long joinStart = BenchClock.now();
        List<BenchClient> clients = fleet.joinAll(server, requests, plan.concurrency(), plan.joinTimeout());
        try {
            long joined = BenchClock.now();
            double joinSeconds = (joined - joinStart) / 1e9;
            log.info("scale: {} members joined in {} s; waiting for the join notices to settle", plan.clients(),
                    String.format("%.2f", joinSeconds));
            long expected = (long) plan.clients() * (plan.clients() - 1) / 2;
            long deadline = joined + plan.joinTimeout().toNanos();
            while (shared.joinNotices.sum() < expected && BenchClock.now() < deadline
                    && shared.disconnects.get() == 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            double settleSeconds = (BenchClock.now() - joined) / 1e9;
            boolean settled = shared.joinNotices.sum() >= expected;

            Reading rssAfter = rss();
            Reading heapAfter = heap(false);
            Reading liveAfter = heap(true);

            List<Long> broadcasts = new ArrayList<>();
            for (int number = 0; number < plan.broadcasts() && shared.disconnects.get() == 0; number++) {
                Long took = broadcast(clients, shared, number);
                if (took == null) {
                    shared.problem.compareAndSet(null, "broadcast " + number + " had not reached every member after "
                            + BROADCAST_TIMEOUT_SECONDS + " s");
                    break;
                }
                broadcasts.add(took);
            }
            return new ScaleResult(plan, Math.max(1, sources.size()), joinSeconds, settleSeconds, settled,
                    shared.joinNotices.sum(), rssBefore, rssAfter, liveBefore, heapAfter, liveAfter, broadcasts,
                    shared.disconnects.get(), shared.problem.get());
        } finally {
            shared.closing = true;
            List<Future<?>> closed = new ArrayList<>(clients.size());
            for (BenchClient client : clients) {
                closed.add(client.close());
            }
            for (Future<?> done : closed) {
                done.awaitUninterruptibly(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Sends broadcast {@code number} from the first member; returns how long until every member had it, or null. */
    private Long broadcast(List<BenchClient> clients, ScaleMember.Shared shared, int number)
            throws InterruptedException {
        ScaleMember.Broadcast broadcast = new ScaleMember.Broadcast(number, new AtomicInteger(clients.size()),
                new CompletableFuture<>());
        shared.broadcast.set(broadcast);
        long sent = BenchClock.now();
        clients.get(0).send(new ClientMessage.Say(ChatLine.text(0, number, sent, LINE_BYTES)));
        try {
            long took = broadcast.done().get(BROADCAST_TIMEOUT_SECONDS, TimeUnit.SECONDS) - sent;
            log.info("scale: broadcast {} reached all {} members in {} ms", number, clients.size(),
                    String.format("%.3f", took / 1e6));
            return took;
        } catch (TimeoutException | ExecutionException e) {
            return null;
        }
    }

    private List<InetSocketAddress> sourceAddresses() {
        int count = plan.effectiveSourceAddresses();
        if (count <= 1) {
            return List.of();
        }
        if (!(server.getAddress() instanceof Inet4Address)) {
            log.warn("scale: the server's address {} is not IPv4 loopback, so connections cannot be spread over "
                    + "127.0.0.0/8; all come from one address", server.getAddress().getHostAddress());
            return List.of();
        }
        List<InetSocketAddress> sources = new ArrayList<>(count);
        // 127.0.0.1 upwards, skipping addresses whose last byte is 0 or 255.
        for (int address = 0x7F000001; sources.size() < count; address++) {
            int last = address & 0xFF;
            if (last == 0 || last == 255) {
                continue;
            }
            byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) last};
            try {
                sources.add(new InetSocketAddress(InetAddress.getByAddress(bytes), 0));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("a four-byte address is always valid", e);
            }
        }
        return sources;
    }

    private Reading rss() {
        return serverPid.isPresent() ? ProcessProbe.rss(serverPid.getAsLong()) : noPid();
    }

    private Reading heap(boolean collectFirst) {
        return serverPid.isPresent() ? ProcessProbe.heapUsed(serverPid.getAsLong(), collectFirst) : noPid();
    }

    private static Reading noPid() {
        return new Reading(-1, "the server's pid is not known (give --server-pid PID)");
    }
}
