package dev.lanchat.bench.fanout;

/**
 * When each message of a fixed-rate stream is due: message {@code i} at {@code start + i / rate}, for as long as that
 * is before {@code end}. Times are computed from the message number, never by adding intervals, so rounding does not
 * accumulate and a sender that falls behind catches up instead of drifting. Immutable and thread-safe.
 *
 * <p>Latency is measured from these intended times rather than from the moment a message was actually written, so
 * a sender that falls behind (the machine is busy) shows up as latency instead of silently sending less; this avoids
 * the "coordinated omission" of measuring only what a stalled sender managed to send.
 */
public final class RatePacer {

    private final double perSecond;
    private final long start;
    private final long end;
    private final long total;

    /**
     * @param perSecond messages per second, positive
     * @param start     when message 0 is due, in ns on any fixed time base
     * @param end       no message is due at or after this time
     */
    public RatePacer(double perSecond, long start, long end) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        if (end < start) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        this.perSecond = perSecond;
        this.start = start;
        this.end = end;
        long count = (long) Math.ceil((end - start) * perSecond / 1e9);
        while (count > 0 && intendedTime(count - 1) >= end) {
            count--;
        }
        while (intendedTime(count) < end) {
            count++;
        }
        this.total = count;
    }

    /** When message {@code i} is due. */
    public long intendedTime(long i) {
        return start + (long) (i * 1e9 / perSecond);
    }

    /** How many messages are due at time {@code now}: those numbered below the result, never more than {@link #total}. */
    public long dueBy(long now) {
        if (now < start) {
            return 0;
        }
        long due = (long) Math.floor((now - start) * perSecond / 1e9) + 1;
        // The floating-point estimate can be one off either way; settle it against intendedTime itself.
        while (due > 0 && intendedTime(due - 1) > now) {
            due--;
        }
        while (due < total && intendedTime(due) <= now) {
            due++;
        }
        return Math.min(due, total);
    }

    /** Every message due before the end. */
    public long total() {
        return total;
    }
}
