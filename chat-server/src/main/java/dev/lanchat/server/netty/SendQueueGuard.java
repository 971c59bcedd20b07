package dev.lanchat.server.netty;

import dev.lanchat.protocol.LeaveReason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;

/**
 * Bounds what is queued for one member, like an IRC server's SendQ. A write that would take the queue past the limit
 * is dropped, and so is the member, with the reason {@code send queue exceeded}; so is a member whose queue stays
 * above the high-water mark for too long. The largest frame the member was ever sent does not count against the
 * limit, so the queue holds at most the limit plus that frame, however large (a welcome to a room of thousands lists
 * them all). The close is queued behind the running task, so a broadcast that finds a stuck member finishes its loop
 * over everyone else first, never blocking or slowing down for it.
 *
 * <p>Sits between the frame writer and the socket, where every message is a buffer of known size. One instance per
 * channel; runs on the channel's event loop.
 */
final class SendQueueGuard extends ChannelDuplexHandler {

    private final OffenceLog offences;
    private final long limitBytes;
    private final long unwritableNanos;
    private ScheduledFuture<?> unwritableCheck;
    private boolean dropping;
    private long largestFrame;

    SendQueueGuard(ConnectionLimits limits, OffenceLog offences) {
        this.offences = offences;
        this.limitBytes = limits.sendQueueBytes();
        this.unwritableNanos = limits.unwritableTimeout().toNanos();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (dropping) {
            discard(msg, promise);
            return;
        }
        ChannelOutboundBuffer queue = ctx.channel().unsafe().outboundBuffer();
        long queued = queue == null ? 0 : queue.totalPendingWriteBytes();
        long size = sizeOf(msg);
        // The largest frame this member was ever sent does not count against the limit: the limit is on a backlog,
        // and a welcome that lists thousands of members is larger than it by itself. So that frame goes out, and
        // the room's notices may queue behind it while the member reads it, up to the limit.
        long largest = Math.max(largestFrame, size);
        if (queued + size > limitBytes + largest) {
            discard(msg, promise);
            drop(ctx, "its send queue would pass " + limitBytes + " bytes (" + queued + " queued, then " + size
                    + " more; the largest frame, " + largest + " bytes, does not count)");
            return;
        }
        largestFrame = largest;
        ctx.write(msg, promise);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            cancelCheck();
        } else if (unwritableCheck == null) {
            unwritableCheck = ctx.executor().schedule(() -> {
                unwritableCheck = null;
                if (!ctx.channel().isWritable()) {
                    drop(ctx, "it read nothing for " + TimeUnit.NANOSECONDS.toSeconds(unwritableNanos)
                            + " s while its send queue was full");
                }
            }, unwritableNanos, TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelCheck();
        ctx.fireChannelInactive();
    }

    private void drop(ChannelHandlerContext ctx, String why) {
        if (dropping) {
            return;
        }
        dropping = true;
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        if (connection != null) {
            connection.closingFor(LeaveReason.SEND_QUEUE);
        }
        offences.report(connection == null ? ctx.channel().toString() : connection.label(),
                "disconnected: send queue exceeded: " + why);
        // Queued, not immediate: the broadcast writing to this channel right now finishes its loop first.
        ctx.executor().execute(() -> ctx.channel().close());
    }

    private void cancelCheck() {
        if (unwritableCheck != null) {
            unwritableCheck.cancel(false);
            unwritableCheck = null;
        }
    }

    private static void discard(Object msg, ChannelPromise promise) {
        ReferenceCountUtil.release(msg);
        if (!promise.isVoid()) {
            promise.tryFailure(new ClosedChannelException());
        }
    }

    private static long sizeOf(Object msg) {
        if (msg instanceof ByteBuf) {
            return ((ByteBuf) msg).readableBytes();
        }
        if (msg instanceof ByteBufHolder) {
            return ((ByteBufHolder) msg).content().readableBytes();
        }
        return 0;
    }
}
