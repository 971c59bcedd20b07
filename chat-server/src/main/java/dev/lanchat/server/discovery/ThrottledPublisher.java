package dev.lanchat.server.discovery;

import java.time.Duration;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Publishes a changing number at most once per interval: the first change after a quiet interval goes out at once,
 * and the changes that follow within the interval are folded into one publication when it has passed, carrying the
 * latest value. A publication that cannot happen yet (the advertisement is still being announced) is tried again a
 * little later. Every method must be called on one thread, the one its {@link Scheduler} runs tasks on.
 */
final class ThrottledPublisher {

    /** Runs a task on the publisher's thread after a delay. */
    interface Scheduler {
        void schedule(Runnable task, Duration delay);
    }

    /** How soon to try again a publication that could not happen yet. */
    static final Duration RETRY = Duration.ofMillis(500);

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Scheduler scheduler;
    private final IntSupplier source;
    private final IntPredicate publish;
    private int published;
    private long lastPublished;
    private boolean everPublished;
    private boolean pending;

    /**
     * @param initial the value already public, so that a change back to it publishes nothing
     * @param source  the current value
     * @param publish makes a value public; returns {@code false} if it cannot yet
     */
    ThrottledPublisher(Duration interval, LongSupplier nanoClock, Scheduler scheduler, int initial,
                       IntSupplier source, IntPredicate publish) {
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.scheduler = scheduler;
        this.published = initial;
        this.source = source;
        this.publish = publish;
    }

    /** The value changed: publish it now, or once the interval since the last publication has passed. */
    void changed() {
        if (pending) {
            return; // the scheduled publication will carry the latest value
        }
        long wait = everPublished ? lastPublished + intervalNanos - nanoClock.getAsLong() : 0;
        if (wait <= 0) {
            publishLatest();
        } else {
            later(Duration.ofNanos(wait));
        }
    }

    private void publishLatest() {
        pending = false;
        int value = source.getAsInt();
        if (value == published) {
            return;
        }
        if (!publish.test(value)) {
            later(RETRY);
            return;
        }
        published = value;
        lastPublished = nanoClock.getAsLong();
        everPublished = true;
    }

    private void later(Duration delay) {
        pending = true;
        scheduler.schedule(this::publishLatest, delay);
    }
}
