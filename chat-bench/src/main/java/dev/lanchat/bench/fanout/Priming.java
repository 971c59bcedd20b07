package dev.lanchat.bench.fanout;

import dev.lanchat.bench.net.ClientFleet;
import dev.lanchat.bench.net.JoinException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms up the server and the bench before anything is measured. A JVM runs its first seconds interpreted while
 * its compilers work, and on a small machine both JVMs compile at once: measured from a cold start, a fan-out room
 * reached a third of its later throughput, and a fixed rate that the warm server carried at a 1 ms median built a
 * backlog of seconds that spilled into the measured part. A closed loop cannot build a backlog, so priming runs one,
 * with members of its own, and reports nothing but a log line.
 *
 * <p>Call from one thread (not an event loop); it blocks for the length of the priming run.
 */
public final class Priming {

    private static final Logger log = LoggerFactory.getLogger(Priming.class);

    private Priming() {
    }

    /** Runs a closed loop shaped like {@code room} for {@code length}; does nothing for a zero length. */
    public static void run(ClientFleet fleet, InetSocketAddress server, FanoutPlan room, Duration length, String tag)
            throws JoinException, InterruptedException {
        if (length.isZero()) {
            return;
        }
        log.info("priming: {} s of closed loop in the same room shape, not counted", length.toMillis() / 1000.0);
        FanoutResult result = new FanoutRun(fleet, server, room.priming(length), tag, OptionalLong.empty()).run();
        log.info("priming: {} lines/s, {} deliveries/s by the end{}", Math.round(result.messagesPerSecond()),
                Math.round(result.deliveriesPerSecond()), result.intact() ? "" : "; it was not intact: "
                        + (result.problem() != null ? result.problem() : "lines lost, duplicated or reordered"));
    }
}
