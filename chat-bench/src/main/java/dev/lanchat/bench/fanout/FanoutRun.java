package dev.lanchat.bench.fanout;

import dev.lanchat.bench.net.BenchClient;
import dev.lanchat.bench.net.ClientFleet;
import dev.lanchat.bench.net.JoinException;
import dev.lanchat.bench.server.ProcessProbe;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fan-out run from start to finish:
 *
 * <ol>
 *   <li>every member joins the room (senders first, so sender {@code i} is member {@code i});</li>
 *   <li>on each event loop, its members start counting and its senders are scheduled to start together a moment
 *       later, which is the start of the warm-up;</li>
 *   <li>senders send until the end of the measured part, then are stopped and say how much they sent;</li>
 *   <li>the run waits until every line sent has reached every member, or the drain limit passes;</li>
 *   <li>each loop reports its members' streams and its latency histogram, and the members leave.</li>
 * </ol>
 *
 * Every piece of per-member state is touched only on that member's event loop; this class reaches it only through
 * tasks submitted to those loops, whose completion also publishes it safely to the calling thread.
 *
 * <p>Call {@link #run} from one thread (not an event loop): it blocks for the length of the run.
 */
public final class FanoutRun {

    private static final Logger log = LoggerFactory.getLogger(FanoutRun.class);

    /** Handshakes under way at once while the room fills. */
    static final int JOIN_CONCURRENCY = 64;
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);
    /** Between the last member starting to count and the first line: time for the start tasks to run everywhere. */
    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long TASK_TIMEOUT_SECONDS = 30;

    private final ClientFleet fleet;
    private final InetSocketAddress server;
    private final FanoutPlan plan;
    private final String tag;
    private final OptionalLong serverPid;

    /**
     * @param tag       a short prefix for this run's nicknames, distinct from any other run's on the same server
     * @param serverPid the server's pid, to report the CPU it used; empty if unknown or if it is this process
     */
    public FanoutRun(ClientFleet fleet, InetSocketAddress server, FanoutPlan plan, String tag,
                     OptionalLong serverPid) {
        this.fleet = fleet;
        this.server = server;
        this.plan = plan;
        this.tag = tag;
        this.serverPid = serverPid;
    }

    /**
     * Runs the plan and returns its figures; a run in which members were cut off or lines were lost still returns
     * figures, which say so.
     *
     * @throws JoinException if the room could not be filled
     */
    public FanoutResult run() throws JoinException, InterruptedException {
        RunState state = new RunState();
        int senders = plan.senders();
        byte[][] senderNicks = new byte[senders][];
        List<RoomMember> members = new ArrayList<>(plan.members());
        List<ClientFleet.JoinRequest> requests = new ArrayList<>(plan.members());
        for (int i = 0; i < plan.members(); i++) {
            String nick = i < senders ? tag + "s" + i : tag + "r" + (i - senders);
            if (i < senders) {
                senderNicks[i] = nick.getBytes(StandardCharsets.UTF_8);
            }
            RoomMember member = new RoomMember(senderNicks, i < senders ? i : -1, i, state);
            members.add(member);
            requests.add(new ClientFleet.JoinRequest(nick, null, member));
        }
        log.info("fan-out: {} members joining ({} senders, {})", plan.members(), senders,
                plan.closedLoop() ? "closed loop, window " + plan.window() : plan.rate() + " lines/s");
        List<BenchClient> clients = fleet.joinAll(server, requests, JOIN_CONCURRENCY, JOIN_TIMEOUT);
        try {
            return measure(state, members, clients);
        } finally {
            state.closing = true;
            List<Future<?>> closed = new ArrayList<>(clients.size());
            for (BenchClient client : clients) {
                closed.add(client.close());
            }
            for (Future<?> done : closed) {
                done.awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
    }

    private FanoutResult measure(RunState state, List<RoomMember> members, List<BenchClient> clients)
            throws InterruptedException {
        int senders = plan.senders();
        double perSender = plan.closedLoop() ? 0 : (double) plan.rate() / senders;
        if (plan.closedLoop()) {
            state.inFlight = new InFlight(senders, plan.members(), plan.window());
        }
        Map<EventLoop, List<Integer>> byLoop = new IdentityHashMap<>();
        for (int i = 0; i < clients.size(); i++) {
            byLoop.computeIfAbsent(clients.get(i).eventLoop(), loop -> new ArrayList<>()).add(i);
        }
        long start = BenchClock.now() + START_DELAY_NANOS;
        long warmupEnd = start + plan.warmup().toNanos();
        Timeline timeline = new Timeline(start, warmupEnd, warmupEnd + plan.measure().toNanos());

        Map<EventLoop, Histogram> histograms = new IdentityHashMap<>();
        List<Future<?>> begun = new ArrayList<>();
        for (Map.Entry<EventLoop, List<Integer>> loop : byLoop.entrySet()) {
            Histogram histogram = new Histogram(RoomMember.MAX_LATENCY_NANOS, 3);
            histograms.put(loop.getKey(), histogram);
            begun.add(loop.getKey().submit(() -> {
                for (int i : loop.getValue()) {
                    RoomMember member = members.get(i);
                    member.begin(histogram, timeline);
                    if (i < senders) {
                        Sender sender = new Sender(i, clients.get(i), plan.textBytes(), plan.window(), perSender,
                                state.inFlight);
                        member.attachSender(sender);
                        // Spread the senders' first lines evenly over one interval of the total rate.
                        long firstDue = plan.closedLoop() ? start : start + (long) (i * 1e9 / plan.rate());
                        loop.getKey().schedule(() -> sender.start(timeline, firstDue),
                                Math.max(0, firstDue - BenchClock.now()), TimeUnit.NANOSECONDS);
                    }
                }
            }));
        }
        awaitAll(begun);

        sleepUntil(timeline.warmupEnd());
        CpuSample cpuStart = CpuSample.take(serverPid);
        sleepUntil(timeline.measureEnd());
        CpuSample cpuEnd = CpuSample.take(serverPid);
        long[] sent = new long[senders];
        long sentMeasured = 0;
        for (int i = 0; i < senders; i++) {
            Sender sender = members.get(i).sender();
            long[] tally = onLoop(sender.client().eventLoop(),
                    () -> new long[] {sender.stop(), sender.sentMeasured()});
            sent[i] = tally[0];
            sentMeasured += tally[1];
        }
        long sentTotal = 0;
        for (long count : sent) {
            sentTotal += count;
        }
        long expectedArrivals = sentTotal * plan.members();
        long drainDeadline = BenchClock.now() + plan.drain().toNanos();
        while (state.arrivals.sum() < expectedArrivals && BenchClock.now() < drainDeadline
                && state.disconnects.get() < clients.size()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        double drainSeconds = (BenchClock.now() - timeline.measureEnd()) / 1e9;
        boolean drained = state.arrivals.sum() >= expectedArrivals;
        if (!drained) {
            log.info("fan-out: {} of {} arrivals after the {} s drain limit", state.arrivals.sum(), expectedArrivals,
                    plan.drain().toSeconds());
        }

        Histogram latency = new Histogram(RoomMember.MAX_LATENCY_NANOS, 3);
        StreamTracker.Account account = StreamTracker.Account.EMPTY;
        long deliveries = 0;
        long foreign = 0;
        for (Map.Entry<EventLoop, List<Integer>> loop : byLoop.entrySet()) {
            Histogram shared = histograms.get(loop.getKey());
            Tally tally = onLoop(loop.getKey(), () -> {
                Tally sum = new Tally(shared.copy());
                for (int i : loop.getValue()) {
                    RoomMember member = members.get(i);
                    sum.account = sum.account.plus(member.account(sent));
                    sum.deliveries += member.deliveriesMeasured();
                    sum.foreign += member.foreign();
                }
                return sum;
            });
            latency.add(tally.latency);
            account = account.plus(tally.account);
            deliveries += tally.deliveries;
            foreign += tally.foreign;
        }
        return new FanoutResult(plan, timeline.measuredSeconds(), sentTotal, sentMeasured, deliveries,
                LatencySummary.of(latency), account, state.disconnects.get(), state.serverErrors.get(), foreign,
                drainSeconds, drained, state.firstProblem.get(), cpuEnd.benchCoresSince(cpuStart),
                cpuEnd.serverCoresSince(cpuStart));
    }

    /** Runs {@code task} on {@code loop} and returns its result; its completion publishes what it read. */
    private static <T> T onLoop(EventLoop loop, Callable<T> task) throws InterruptedException {
        try {
            return loop.submit(task).get(TASK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a task on an event loop failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("an event loop did not run a task within " + TASK_TIMEOUT_SECONDS + " s");
        }
    }

    private static void awaitAll(List<Future<?>> tasks) throws InterruptedException {
        for (Future<?> task : tasks) {
            if (!task.await(TASK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("an event loop did not run its start task within "
                        + TASK_TIMEOUT_SECONDS + " s");
            }
            if (!task.isSuccess()) {
                throw new IllegalStateException("start task failed", task.cause());
            }
        }
    }

    private static void sleepUntil(long time) throws InterruptedException {
        long left;
        while ((left = time - BenchClock.now()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** CPU time used so far by this process and by the server, and when it was read. */
    private record CpuSample(long at, long benchNanos, long serverNanos) {

        static CpuSample take(OptionalLong serverPid) {
            long bench = ProcessProbe.cpuTime(ProcessHandle.current().pid()).map(Duration::toNanos).orElse(-1L);
            long server = serverPid.isPresent()
                    ? ProcessProbe.cpuTime(serverPid.getAsLong()).map(Duration::toNanos).orElse(-1L)
                    : -1;
            return new CpuSample(BenchClock.now(), bench, server);
        }

        double benchCoresSince(CpuSample start) {
            return cores(benchNanos, start.benchNanos, start.at);
        }

        double serverCoresSince(CpuSample start) {
            return cores(serverNanos, start.serverNanos, start.at);
        }

        private double cores(long used, long usedBefore, long since) {
            return used < 0 || usedBefore < 0 ? Double.NaN : (double) (used - usedBefore) / (at - since);
        }
    }

    /** One event loop's share of the figures, gathered on that loop. */
    private static final class Tally {
        final Histogram latency;
        StreamTracker.Account account = StreamTracker.Account.EMPTY;
        long deliveries;
        long foreign;

        Tally(Histogram latency) {
            this.latency = latency;
        }
    }
}
