package dev.lanchat.bench;

import dev.lanchat.bench.fanout.FanoutPlan;
import dev.lanchat.bench.fanout.SaturationPlan;
import dev.lanchat.bench.scale.ScalePlan;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything one bench run is told: the scenario and its plan (exactly the plan of that scenario is given), the
 * server to load, the bench's own I/O threads, and how long to prime a fan-out room before measuring. Built once in {@link BenchMain} from the command line; the
 * constructor validates and names the bad value. Immutable.
 */
public record BenchConfig(Scenario scenario, Target target, int ioThreads, Duration prime, FanoutPlan fanout,
                          SaturationPlan saturation, ScalePlan scale) {

    /**
     * Flags given to every server the bench starts, before any {@code --server-arg}: the server's hardening limits
     * (connections per address, a per-member flood limit of 10 lines/s with bursts of 20) would otherwise throttle
     * the load and measure the limits instead of the server. A server that does not know one of these flags is
     * started without it (see {@link dev.lanchat.bench.server.ServerHandle}).
     */
    public static final List<String> DEFAULT_SERVER_ARGS = List.of(
            "--max-per-address=1000000",
            "--flood-rate=1000000",
            "--flood-burst=1000000");

    public static final int DEFAULT_PRIME_SECONDS = 5;
    /** Closed-loop priming before a fan-out or saturation run; see {@link dev.lanchat.bench.fanout.Priming}. */
    public static final Duration DEFAULT_PRIME = Duration.ofSeconds(DEFAULT_PRIME_SECONDS);

    /** How long a spawned server may take to say where it listens. */
    public static final Duration SERVER_START_TIMEOUT = Duration.ofSeconds(30);

    public BenchConfig {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(prime, "prime");
        if (prime.isNegative()) {
            throw new IllegalArgumentException("priming must not be negative: " + prime);
        }
        if (ioThreads < 1 || ioThreads > 256) {
            throw new IllegalArgumentException("I/O threads must be between 1 and 256: " + ioThreads);
        }
        if ((fanout != null) != (scenario == Scenario.FANOUT)
                || (saturation != null) != (scenario == Scenario.SATURATION)
                || (scale != null) != (scenario == Scenario.SCALE)) {
            throw new IllegalArgumentException("exactly the plan of the " + scenario + " scenario must be given");
        }
    }

    /** Connections the bench will hold open at once, for the open-file check. */
    public int connections() {
        switch (scenario) {
            case FANOUT:
                return fanout.members();
            case SATURATION:
                return saturation.step().members();
            default:
                return scale.clients();
        }
    }
}
