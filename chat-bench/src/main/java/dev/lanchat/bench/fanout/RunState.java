package dev.lanchat.bench.fanout;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the members of one run share across event loops: how many lines have arrived (to know when everything sent
 * has been delivered), and what went wrong. Thread-safe.
 */
final class RunState {

    /** First arrivals of bench lines at any member, the sender's own echo included. */
    final LongAdder arrivals = new LongAdder();
    final AtomicLong disconnects = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicReference<String> firstProblem = new AtomicReference<>();
    /** A closed loop's lines in flight, or {@code null} at a fixed rate; set before any line is sent. */
    volatile InFlight inFlight;
    /** Set before the run closes its own connections, so that those closings are not counted as failures. */
    volatile boolean closing;

    void problem(String description) {
        firstProblem.compareAndSet(null, description);
    }
}
