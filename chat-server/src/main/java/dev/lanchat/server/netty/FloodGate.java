package dev.lanchat.server.netty;

import dev.lanchat.protocol.ClientMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/**
 * Holds a member to a message rate with a token bucket (by default bursts of 20, then 10 a second). A member over the
 * rate is slowed down, not kicked: its messages wait here, in order, and the channel stops reading from the socket
 * until tokens refill, so TCP back-pressure throttles the sender and none of its messages is lost. What waits here is
 * bounded by one socket read, because reading stops at once. Pongs pass free: they answer the server.
 *
 * <p>One instance per channel, after the handshake; runs on the channel's event loop.
 */
final class FloodGate extends ChannelInboundHandlerAdapter {

    private final TokenBucket bucket;
    private final OffenceLog offences;
    private final Queue<Object> waiting = new ArrayDeque<>();
    private ScheduledFuture<?> resume;
    private boolean reported;

    FloodGate(ConnectionLimits limits, OffenceLog offences) {
        this.bucket = new TokenBucket(limits.floodRate(), limits.floodBurst());
        this.offences = offences;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ClientMessage.Pong) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (waiting.isEmpty() && bucket.tryTake(LoopClock.nanoTime(ctx.executor()))) {
            ctx.fireChannelRead(msg);
            return;
        }
        waiting.add(msg);
        if (!reported) {
            reported = true;
            offences.report(ChannelConnection.of(ctx.channel()).label(), "is over the message rate; slowing it down");
        }
        pause(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (resume != null) {
            resume.cancel(false);
        }
        waiting.clear();
        ctx.fireChannelInactive();
    }

    /** Whether messages are waiting for tokens; for tests. */
    int waiting() {
        return waiting.size();
    }

    private void pause(ChannelHandlerContext ctx) {
        ReadPause.pause(ctx.channel(), ReadPause.FLOOD);
        if (resume == null) {
            long wait = bucket.nanosUntilToken(LoopClock.nanoTime(ctx.executor()));
            resume = ctx.executor().schedule(() -> drain(ctx), Math.max(wait, 1), TimeUnit.NANOSECONDS);
        }
    }

    private void drain(ChannelHandlerContext ctx) {
        resume = null;
        if (!ctx.channel().isActive()) {
            waiting.clear();
            return;
        }
        while (!waiting.isEmpty() && bucket.tryTake(LoopClock.nanoTime(ctx.executor()))) {
            ctx.fireChannelRead(waiting.poll());
        }
        if (waiting.isEmpty()) {
            ReadPause.resume(ctx.channel(), ReadPause.FLOOD);
        } else {
            pause(ctx);
        }
    }
}
