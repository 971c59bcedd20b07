package dev.lanchat.bench;

import java.util.Locale;

/** The load generator's scenarios, named as on the command line. */
public enum Scenario {
    /** Receivers and senders in one room: throughput, latency, and loss/duplication/reordering checks. */
    FANOUT,
    /** Fan-out at rising fixed rates, to find the highest the server sustains. */
    SATURATION,
    /** Many idle members: join rate, server memory, and one broadcast to all. */
    SCALE;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
