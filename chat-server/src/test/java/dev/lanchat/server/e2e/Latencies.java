package dev.lanchat.server.e2e;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** Collects latencies and prints percentiles; tests report these figures, they never assert them. */
final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    synchronized String summary() {
        if (count == 0) {
            return "no samples";
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return String.format("n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms", count, ms(sorted[count / 2]),
                ms(sorted[Math.min(count - 1, (int) (count * 0.99))]), ms(sorted[count - 1]));
    }

    private static double ms(long nanos) {
        return nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }
}
