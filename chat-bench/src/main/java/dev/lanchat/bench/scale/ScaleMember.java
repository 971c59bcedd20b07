package dev.lanchat.bench.scale;

import dev.lanchat.bench.fanout.BenchClock;
import dev.lanchat.bench.fanout.ChatLine;
import dev.lanchat.bench.net.ClientListener;
import dev.lanchat.bench.net.FrameScanner;
import dev.lanchat.protocol.ServerMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * An idle member of a scale run: it counts the join notices it receives, and counts itself in for the broadcast
 * being timed. Called on its client's event loop; everything it touches is in the thread-safe {@link Shared}.
 */
final class ScaleMember implements ClientListener {

    private final Shared shared;
    private final ChatLine.Header header = new ChatLine.Header();

    ScaleMember(Shared shared) {
        this.shared = shared;
    }

    @Override
    public void onPresence(FrameScanner.Kind kind) {
        if (kind == FrameScanner.Kind.JOIN) {
            shared.joinNotices.increment();
        }
    }

    @Override
    public void onChat(FrameScanner frame) {
        Broadcast current = shared.broadcast.get();
        if (current != null && ChatLine.parse(frame.bytes(), frame.textStart(), frame.textLength(), header)
                && header.seq() == current.number() && current.remaining().decrementAndGet() == 0) {
            current.done().complete(BenchClock.now());
        }
    }

    @Override
    public void onMessage(ServerMessage message) {
        if (message instanceof ServerMessage.Error) {
            ServerMessage.Error error = (ServerMessage.Error) message;
            shared.problem.compareAndSet(null, "the server answered with an error: " + error.code() + " ("
                    + error.text() + ")");
        }
    }

    @Override
    public void onClosed(String problem) {
        if (!shared.closing) {
            shared.disconnects.incrementAndGet();
            shared.problem.compareAndSet(null, "a member's connection closed" + (problem == null ? "" : ": "
                    + problem));
        }
    }

    /** One broadcast being timed: its number, members still to receive it, and when the last one did. */
    record Broadcast(long number, AtomicInteger remaining, CompletableFuture<Long> done) {
    }

    /** What the members of a run share across event loops. Thread-safe. */
    static final class Shared {
        final LongAdder joinNotices = new LongAdder();
        final AtomicReference<Broadcast> broadcast = new AtomicReference<>();
        final AtomicLong disconnects = new AtomicLong();
        final AtomicReference<String> problem = new AtomicReference<>();
        volatile boolean closing;
    }
}
