package dev.lanchat.bench.fanout;

/**
 * The phases of a fan-out run on the {@link BenchClock}: senders start at {@code start}, figures count from
 * {@code warmupEnd}, and senders stop at {@code measureEnd}. Immutable.
 */
record Timeline(long start, long warmupEnd, long measureEnd) {

    /** Whether {@code time} falls in the measured part, {@code [warmupEnd, measureEnd)}. */
    boolean measured(long time) {
        return time >= warmupEnd && time < measureEnd;
    }

    double measuredSeconds() {
        return (measureEnd - warmupEnd) / 1e9;
    }
}
