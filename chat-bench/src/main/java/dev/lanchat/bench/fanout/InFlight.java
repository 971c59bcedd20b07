package dev.lanchat.bench.fanout;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A closed loop's bound on the slowest member: no sender runs more than {@value #WINDOWS_AHEAD} windows ahead of any
 * member of the room. So no member ever has more than that many windows of each sender's lines still to read, and
 * the loop never offers more than the room can take in: the server's bound on a member's send queue (256 KiB by
 * default, some 2,000 lines) is never what limits the rate.
 *
 * <p>Members publish how many lines of each sender they have received once per read, not per line, so the
 * accounting costs the receiving path next to nothing; a sender reads them only when it nears the bound, and a
 * sender that must wait is woken by the member that lets it go on. Thread-safe.
 */
final class InFlight {

    static final int WINDOWS_AHEAD = 4;

    private final int senders;
    private final int members;
    private final long lead;
    private final AtomicLongArray received;
    private final AtomicReferenceArray<Sender> waiting;

    /** @param members everyone who receives each line: receivers and senders */
    InFlight(int senders, int members, int window) {
        this.senders = senders;
        this.members = members;
        this.lead = (long) window * WINDOWS_AHEAD;
        this.received = new AtomicLongArray(senders * members);
        this.waiting = new AtomicReferenceArray<>(senders);
    }

    /** Member {@code member} has received the first {@code count} lines of sender {@code from}. */
    void progress(int member, int from, long count) {
        // A full volatile store: with the sender's set-then-check in await, no wake-up can be lost.
        received.set(member * senders + from, count);
        Sender sleeper = waiting.get(from);
        if (sleeper != null && waiting.compareAndSet(from, sleeper, null)) {
            sleeper.wake();
        }
    }

    /**
     * How many lines of sender {@code from} every member has received: the sender may send its lines up to that
     * figure plus the lead.
     */
    long slowest(int from) {
        long min = Long.MAX_VALUE;
        for (int member = 0; member < members; member++) {
            min = Math.min(min, received.get(member * senders + from));
        }
        return min;
    }

    /** The number of lines a sender may be ahead of the slowest member. */
    long lead() {
        return lead;
    }

    /** Asks to be woken at the next progress; the sender checks {@link #slowest} again after asking. */
    void await(Sender sender) {
        waiting.set(sender.index(), sender);
    }
}
