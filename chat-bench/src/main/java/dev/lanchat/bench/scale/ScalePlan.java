package dev.lanchat.bench.scale;

import java.time.Duration;
import java.util.Objects;

/**
 * What a scale run does: {@code clients} idle members join one room, at most {@code concurrency} handshakes at a
 * time, within {@code joinTimeout}; their connections come from {@code sourceAddresses} loopback addresses (0 picks
 * as many as the count needs); then one member sends {@code broadcasts} lines, one at a time, each timed until every
 * member has it. The constructor validates every value and names the bad one. Immutable.
 */
public record ScalePlan(int clients, int concurrency, int sourceAddresses, int broadcasts, Duration joinTimeout) {

    public static final int DEFAULT_CLIENTS = 2_000;
    public static final int DEFAULT_CONCURRENCY = 256;
    public static final int DEFAULT_BROADCASTS = 3;
    /**
     * Filling a room costs the server time that grows with the square of its size (each welcome lists every member,
     * each join is announced to every member): 5,000 took 47 s here, and 10,000 about four times as long.
     */
    public static final int DEFAULT_JOIN_TIMEOUT_SECONDS = 300;
    public static final Duration DEFAULT_JOIN_TIMEOUT = Duration.ofSeconds(DEFAULT_JOIN_TIMEOUT_SECONDS);
    /** Connections per source address when the count is picked: well inside Linux's default ephemeral port range. */
    public static final int CLIENTS_PER_SOURCE_ADDRESS = 20_000;
    public static final int MAX_CLIENTS = 1_000_000;

    public ScalePlan {
        Objects.requireNonNull(joinTimeout, "joinTimeout");
        if (clients < 2 || clients > MAX_CLIENTS) {
            throw new IllegalArgumentException("clients must be between 2 and " + MAX_CLIENTS + ": " + clients);
        }
        if (concurrency < 1 || concurrency > 10_000) {
            throw new IllegalArgumentException("connect concurrency must be between 1 and 10000: " + concurrency);
        }
        if (sourceAddresses < 0 || sourceAddresses > 65_000) {
            throw new IllegalArgumentException("source addresses must be between 0 (automatic) and 65000: "
                    + sourceAddresses);
        }
        if (broadcasts < 1 || broadcasts > 1_000) {
            throw new IllegalArgumentException("broadcasts must be between 1 and 1000: " + broadcasts);
        }
        if (joinTimeout.isNegative() || joinTimeout.isZero()) {
            throw new IllegalArgumentException("join timeout must be positive: " + joinTimeout);
        }
    }

    /** Source addresses to use: as given, or one per {@link #CLIENTS_PER_SOURCE_ADDRESS} clients. */
    public int effectiveSourceAddresses() {
        return sourceAddresses > 0 ? sourceAddresses
                : (clients + CLIENTS_PER_SOURCE_ADDRESS - 1) / CLIENTS_PER_SOURCE_ADDRESS;
    }
}
