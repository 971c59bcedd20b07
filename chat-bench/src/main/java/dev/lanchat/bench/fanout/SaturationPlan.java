package dev.lanchat.bench.fanout;

import java.time.Duration;
import java.util.Objects;

/**
 * A saturation search: fan-out runs shaped like {@code step} (its rate is set per step) at a fixed rate that starts
 * at {@code startRate} and doubles while the server keeps up, up to {@code maxRate}; then {@code refineSteps} runs
 * halve the interval between the highest rate it kept up with and the lowest it did not. It keeps up when every line
 * arrives, deliveries reach {@link #KEPT_UP_SHARE} of what the rate asks for, and p99 latency stays within
 * {@code p99Limit}. The constructor validates every value and names the bad one. Immutable.
 */
public record SaturationPlan(FanoutPlan step, int startRate, int maxRate, Duration p99Limit, int refineSteps) {

    public static final int DEFAULT_START_RATE = 1_000;
    public static final int DEFAULT_MAX_RATE = 1_000_000;
    public static final int DEFAULT_P99_LIMIT_MILLIS = 100;
    public static final Duration DEFAULT_P99_LIMIT = Duration.ofMillis(DEFAULT_P99_LIMIT_MILLIS);
    public static final int DEFAULT_REFINE_STEPS = 3;
    public static final int DEFAULT_STEP_WARMUP_SECONDS = 1;
    public static final int DEFAULT_STEP_MEASURE_SECONDS = 2;
    public static final int DEFAULT_STEP_DRAIN_SECONDS = 3;
    public static final Duration DEFAULT_STEP_WARMUP = Duration.ofSeconds(DEFAULT_STEP_WARMUP_SECONDS);
    public static final Duration DEFAULT_STEP_MEASURE = Duration.ofSeconds(DEFAULT_STEP_MEASURE_SECONDS);
    public static final Duration DEFAULT_STEP_DRAIN = Duration.ofSeconds(DEFAULT_STEP_DRAIN_SECONDS);
    /** Share of the offered deliveries per second that must arrive in the measured part for a step to pass. */
    public static final double KEPT_UP_SHARE = 0.95;

    public SaturationPlan {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(p99Limit, "p99Limit");
        if (startRate < 1) {
            throw new IllegalArgumentException("start rate must be positive: " + startRate);
        }
        if (maxRate < startRate) {
            throw new IllegalArgumentException("max rate " + maxRate + " is below the start rate " + startRate);
        }
        if (p99Limit.isNegative() || p99Limit.isZero()) {
            throw new IllegalArgumentException("p99 limit must be positive: " + p99Limit);
        }
        if (refineSteps < 0 || refineSteps > 20) {
            throw new IllegalArgumentException("refine steps must be between 0 and 20: " + refineSteps);
        }
    }
}
