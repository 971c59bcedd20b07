package dev.lanchat.server.netty;

import io.netty.channel.Channel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Back-pressure for the whole server: counts broadcast tasks queued on the event loops but not yet run. When the
 * count passes the high-water mark the server is behind, and members who send more are parked: their channels stop
 * reading, so TCP slows them down instead of the server's queues growing without bound. Once the loops have caught
 * up to the low-water mark, every parked channel reads again. No message is dropped on the way.
 *
 * <p>Thread-safe: the chat thread counts tasks in, event loops count them out and park their own channels.
 */
final class DeliveryBacklog {

    static final int HIGH_WATER = 4096;
    static final int LOW_WATER = 1024;

    private final AtomicInteger queued = new AtomicInteger();
    private final Queue<Channel> parked = new ConcurrentLinkedQueue<>();

    /** A broadcast task was queued. */
    void queued() {
        queued.incrementAndGet();
    }

    /** A broadcast task ran; the last one to bring the count down to the low-water mark releases the parked. */
    void ran() {
        if (queued.decrementAndGet() == LOW_WATER) {
            release();
        }
    }

    boolean behind() {
        return queued.get() >= HIGH_WATER;
    }

    /** Stops {@code channel} reading until the backlog is worked off. Call on the channel's event loop. */
    void park(Channel channel) {
        ReadPause.pause(channel, ReadPause.BACKLOG);
        parked.add(channel);
        if (!behind()) {
            release(); // caught up between the check and the parking
        }
    }

    int queuedTasks() {
        return queued.get();
    }

    private void release() {
        for (Channel channel; (channel = parked.poll()) != null; ) {
            Channel resumed = channel;
            resumed.eventLoop().execute(() -> ReadPause.resume(resumed, ReadPause.BACKLOG));
        }
    }
}
