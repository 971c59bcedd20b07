package dev.lanchat.server.netty;

import dev.lanchat.server.room.Scheduler;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The single thread that owns the chat domain. Handlers hand requests to it in the order they read them, so every
 * member sees one order of events and the domain needs no locks. Its queue is a lock-free multi-producer queue,
 * which keeps the hand-off cheap. Thread-safe.
 */
final class ChatThread implements Scheduler {

    private final EventExecutor executor = new DefaultEventExecutor(new DefaultThreadFactory("chat", true));

    /** Queues {@code task} behind everything already queued; dropped quietly once the server is shutting down. */
    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException shuttingDown) {
            // After shutdown there is no domain left to tell; the connections are being closed anyway.
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> scheduled = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> scheduled.cancel(false);
        } catch (RejectedExecutionException shuttingDown) {
            return () -> { };
        }
    }

    /** Runs {@code task} on the chat thread and returns its result to come. */
    <T> Future<T> call(Callable<T> task) {
        return executor.submit(task);
    }

    /** Runs {@code task} on the chat thread and returns its completion. */
    Future<?> submit(Runnable task) {
        return executor.submit(task);
    }

    boolean inThread() {
        return executor.inEventLoop();
    }

    Future<?> shutdown() {
        return executor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
