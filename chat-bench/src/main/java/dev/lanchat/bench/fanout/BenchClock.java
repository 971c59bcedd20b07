package dev.lanchat.bench.fanout;

/**
 * The load generator's time base: nanoseconds since this class was loaded, read from {@link System#nanoTime()}. Every
 * time a message carries is on this base, so it is a small non-negative number that any thread of the process can
 * compare with its own reading. Sender and receivers share one process and one clock, which is what makes
 * end-to-end latency measurable without synchronised clocks. Thread-safe.
 */
public final class BenchClock {

    private static final long ORIGIN = System.nanoTime();

    private BenchClock() {
    }

    /** Nanoseconds since the origin. */
    public static long now() {
        return System.nanoTime() - ORIGIN;
    }
}
