package dev.lanchat.server.room;

/**
 * Counts events in one-second slots over the last minute, to tell how many happen a second. Not thread-safe: the
 * chat thread records and reads it.
 */
final class RateMeter {

    static final int SECONDS = 61;

    private final long[] counts = new long[SECONDS];
    private final long[] slotSecond = new long[SECONDS];

    /** Counts one event at {@code nowMillis}. */
    void record(long nowMillis) {
        long second = Math.floorDiv(nowMillis, 1000);
        int slot = (int) Math.floorMod(second, SECONDS);
        if (slotSecond[slot] != second) {
            slotSecond[slot] = second;
            counts[slot] = 0;
        }
        counts[slot]++;
    }

    /**
     * Events a second over the {@code window} whole seconds before the current one (1 to 60), so that a second
     * still under way does not pull the figure down.
     */
    double perSecond(long nowMillis, int window) {
        if (window < 1 || window >= SECONDS) {
            throw new IllegalArgumentException("window must be 1 to " + (SECONDS - 1) + " s, not " + window);
        }
        long current = Math.floorDiv(nowMillis, 1000);
        long total = 0;
        for (long second = current - window; second < current; second++) {
            int slot = (int) Math.floorMod(second, SECONDS);
            if (slotSecond[slot] == second) {
                total += counts[slot];
            }
        }
        return (double) total / window;
    }
}
