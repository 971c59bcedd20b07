package dev.lanchat.server.netty;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of misbehaving connections, rate-limited so that a flood of bad connections cannot flood the log: up to
 * {@value #BURST} lines at once and {@value #PER_SECOND} a second after that; lines over the budget are counted and
 * reported as one summary line when the budget allows again. Each line names the connection and the rule it broke;
 * none carries a stack trace. Thread-safe.
 */
final class OffenceLog {

    private static final Logger log = LoggerFactory.getLogger(OffenceLog.class);
    static final int BURST = 50;
    static final int PER_SECOND = 10;

    private final TokenBucket budget = new TokenBucket(PER_SECOND, BURST);
    private long suppressed;

    /** Logs {@code "<label> <what>"} at INFO, if the budget allows. */
    void report(String label, String what) {
        long dropped;
        synchronized (this) {
            if (!budget.tryTake(System.nanoTime())) {
                suppressed++;
                return;
            }
            dropped = suppressed;
            suppressed = 0;
        }
        if (dropped > 0) {
            log.info("{} more line(s) about misbehaving connections were left out of the log", dropped);
        }
        log.info("{} {}", label, what);
    }

    /** Lines left out since the last one logged; for tests and statistics. */
    synchronized long suppressed() {
        return suppressed;
    }
}
