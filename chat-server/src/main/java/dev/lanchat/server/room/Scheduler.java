package dev.lanchat.server.room;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Runs tasks on the chat thread: behind the tasks already queued ({@link #execute}), or after a delay. The transport
 * implements it with the chat thread's executor; tests with a clock they move by hand.
 */
public interface Scheduler extends Executor {

    /** Runs {@code task} on the chat thread after {@code delay}, unless cancelled first. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
