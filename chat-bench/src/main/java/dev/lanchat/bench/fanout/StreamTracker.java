package dev.lanchat.bench.fanout;

import java.util.Map;
import java.util.TreeMap;

/**
 * Checks one ordered stream of sequence numbers: the messages of one sender as one receiver sees them, which the
 * protocol promises arrive exactly once and in the order sent. Each arrival is classified:
 *
 * <ul>
 *   <li>the next one expected: in order;</li>
 *   <li>beyond it: in order, but the numbers skipped become a gap (lost, unless they turn up later);</li>
 *   <li>inside a gap: late, so counted as reordered, and no longer lost;</li>
 *   <li>anything else below the next expected: a duplicate.</li>
 * </ul>
 *
 * At the end, {@link #finish} adds the messages sent but never seen after the last one received. Gaps are kept as
 * ranges, so even a stream that loses millions costs a few entries. The common, in-order path allocates nothing.
 *
 * <p>Not thread-safe: confined to the receiving client's event loop.
 */
public final class StreamTracker {

    private long expected;
    /** Gaps not yet filled: first missing number to one past the last. Created on the first gap. */
    private TreeMap<Long, Long> gaps;
    private long missing;
    private long duplicates;
    private long reordered;
    private long received;

    /**
     * Records the arrival of message {@code seq}.
     *
     * @return whether it is the first arrival of this message (false for a duplicate)
     */
    public boolean record(long seq) {
        if (seq == expected) {
            expected++;
            received++;
            return true;
        }
        if (seq > expected) {
            addGap(expected, seq);
            expected = seq + 1;
            received++;
            return true;
        }
        if (seq >= 0 && fillGap(seq)) {
            reordered++;
            received++;
            return true;
        }
        duplicates++;
        return false;
    }

    /** Distinct messages received so far. */
    public long received() {
        return received;
    }

    /**
     * The stream's account once the sender has sent {@code sent} messages (numbered 0 to {@code sent - 1}) and no
     * more will be waited for.
     */
    public Account finish(long sent) {
        long undelivered = Math.max(0, sent - expected);
        long beyond = Math.max(0, expected - sent);
        return new Account(sent, received, missing, undelivered, duplicates + beyond, reordered);
    }

    private void addGap(long from, long to) {
        if (gaps == null) {
            gaps = new TreeMap<>();
        }
        gaps.put(from, to);
        missing += to - from;
    }

    private boolean fillGap(long seq) {
        if (gaps == null) {
            return false;
        }
        Map.Entry<Long, Long> gap = gaps.floorEntry(seq);
        if (gap == null || seq >= gap.getValue()) {
            return false;
        }
        long from = gap.getKey();
        long to = gap.getValue();
        gaps.remove(from);
        if (from < seq) {
            gaps.put(from, seq);
        }
        if (seq + 1 < to) {
            gaps.put(seq + 1, to);
        }
        missing--;
        return true;
    }

    /**
     * What became of one stream.
     *
     * @param sent        messages the sender sent
     * @param received    distinct messages that arrived
     * @param gaps        messages never seen although a later one arrived: lost in the middle of the stream
     * @param undelivered messages never seen after the last that arrived: not delivered by the deadline
     * @param duplicates  arrivals of a message already seen (or numbered beyond what was sent)
     * @param reordered   messages that arrived after a later one
     */
    public record Account(long sent, long received, long gaps, long undelivered, long duplicates, long reordered) {

        public static final Account EMPTY = new Account(0, 0, 0, 0, 0, 0);

        /** Messages that never arrived, whether in a gap or at the end. */
        public long lost() {
            return gaps + undelivered;
        }

        public Account plus(Account other) {
            return new Account(sent + other.sent, received + other.received, gaps + other.gaps,
                    undelivered + other.undelivered, duplicates + other.duplicates, reordered + other.reordered);
        }
    }
}
