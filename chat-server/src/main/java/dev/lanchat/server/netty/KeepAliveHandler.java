package dev.lanchat.server.netty;

import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.ServerMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Finds dead peers: after a silence (reported by the {@code IdleStateHandler} below it) the server sends a ping; if
 * nothing at all arrives within the ping timeout, the connection is closed and the member leaves with the reason
 * {@code ping timeout}. Any message counts as a sign of life, not only the pong.
 *
 * <p>One instance per channel; runs on the channel's event loop.
 */
final class KeepAliveHandler extends ChannelInboundHandlerAdapter {

    private final long pingTimeoutNanos;
    private final OffenceLog offences;
    private ScheduledFuture<?> deadline;
    private long pings;

    KeepAliveHandler(ConnectionLimits limits, OffenceLog offences) {
        this.pingTimeoutNanos = limits.pingTimeout().toNanos();
        this.offences = offences;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && ((IdleStateEvent) event).state() == IdleState.READER_IDLE) {
            if (deadline == null) {
                ctx.writeAndFlush(new ServerMessage.Ping("keepalive-" + ++pings), ctx.voidPromise());
                deadline = ctx.executor().schedule(() -> expire(ctx), pingTimeoutNanos, TimeUnit.NANOSECONDS);
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        cancel();
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    private void expire(ChannelHandlerContext ctx) {
        deadline = null;
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        offences.report(connection.label(), "disconnected: no answer to a ping within "
                + TimeUnit.NANOSECONDS.toSeconds(pingTimeoutNanos) + " s");
        connection.drop(LeaveReason.TIMEOUT);
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
