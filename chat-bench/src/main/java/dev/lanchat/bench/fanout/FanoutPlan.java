package dev.lanchat.bench.fanout;

import java.time.Duration;
import java.util.Objects;

/**
 * What one fan-out run does: {@code receivers} members that only listen and {@code senders} that also talk, all in
 * one room; lines of {@code textBytes} bytes; offered either at a fixed total {@code rate} or, when the rate is 0, in
 * a closed loop where each sender keeps at most {@code window} lines in flight. The run sends for {@code warmup}
 * plus {@code measure}, of which only the second part is counted, then waits up to {@code drain} for every line sent
 * to arrive. The constructor validates every value and names the bad one. Immutable.
 */
public record FanoutPlan(int receivers, int senders, int textBytes, int rate, int window, Duration warmup,
                         Duration measure, Duration drain) {

    public static final int DEFAULT_RECEIVERS = 100;
    public static final int DEFAULT_SENDERS = 10;
    public static final int DEFAULT_TEXT_BYTES = 64;
    public static final int DEFAULT_WINDOW = 32;
    public static final int DEFAULT_WARMUP_SECONDS = 2;
    public static final int DEFAULT_MEASURE_SECONDS = 10;
    public static final int DEFAULT_DRAIN_SECONDS = 10;
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(DEFAULT_WARMUP_SECONDS);
    public static final Duration DEFAULT_MEASURE = Duration.ofSeconds(DEFAULT_MEASURE_SECONDS);
    public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(DEFAULT_DRAIN_SECONDS);
    /** Largest line: a say frame must fit the server's default limit of 16384 bytes with its JSON around it. */
    public static final int MAX_TEXT_BYTES = 16_000;
    /** The sender index is part of every line, with at most 5 digits (see {@link ChatLine}). */
    public static final int MAX_SENDERS = 99_999;

    public FanoutPlan {
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(drain, "drain");
        if (senders < 1 || senders > MAX_SENDERS) {
            throw new IllegalArgumentException("senders must be between 1 and " + MAX_SENDERS + ": " + senders);
        }
        if (receivers < 0 || receivers > 1_000_000) {
            throw new IllegalArgumentException("receivers must be between 0 and 1000000: " + receivers);
        }
        if (receivers + senders < 2) {
            throw new IllegalArgumentException("a room needs at least 2 members for a delivery to another member: "
                    + "receivers " + receivers + " + senders " + senders);
        }
        if (textBytes < ChatLine.MIN_BYTES || textBytes > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("message size must be between " + ChatLine.MIN_BYTES + " and "
                    + MAX_TEXT_BYTES + " bytes: " + textBytes);
        }
        if (rate < 0) {
            throw new IllegalArgumentException("rate must not be negative (0 means closed loop): " + rate);
        }
        if (window < 1 || window > 1_000_000) {
            throw new IllegalArgumentException("window must be between 1 and 1000000: " + window);
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warm-up must not be negative: " + warmup);
        }
        if (measure.isNegative() || measure.isZero()) {
            throw new IllegalArgumentException("measurement duration must be positive: " + measure);
        }
        if (drain.isNegative() || drain.isZero()) {
            throw new IllegalArgumentException("drain time must be positive: " + drain);
        }
    }

    /** Each sender keeps at most {@link #window} lines in flight, instead of a fixed rate. */
    public boolean closedLoop() {
        return rate == 0;
    }

    /** Members of the room: receivers and senders. */
    public int members() {
        return receivers + senders;
    }

    public FanoutPlan withRate(int newRate) {
        return new FanoutPlan(receivers, senders, textBytes, newRate, window, warmup, measure, drain);
    }

    /**
     * A closed-loop run of the same room for {@code length}, to be run first and not counted: it brings both JVMs'
     * compilers up to speed without building the backlog that a fixed rate above a cold server's capacity would.
     */
    public FanoutPlan priming(Duration length) {
        return new FanoutPlan(receivers, senders, textBytes, 0, window, Duration.ZERO, length, DEFAULT_DRAIN);
    }
}
