package dev.lanchat.client.net;

import dev.lanchat.protocol.ClientMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Notices a dead server: after a silence (reported by the idle-state handler below it) the client pings; if nothing
 * arrives within the timeout, the connection is closed as lost, and the user is told the server stopped answering.
 * A quiet room on a live server costs one small ping per silence.
 *
 * <p>One instance per channel; runs on the channel's event loop.
 */
final class ServerWatch extends ChannelInboundHandlerAdapter {

    /** Silence after which the client pings. */
    static final Duration SILENCE = Duration.ofSeconds(30);
    /** Time the server has to answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final ClientHandler problems;
    private ScheduledFuture<?> deadline;

    ServerWatch(ClientHandler problems) {
        this.problems = problems;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && ((IdleStateEvent) event).state() == IdleState.READER_IDLE) {
            if (deadline == null) {
                ctx.writeAndFlush(new ClientMessage.Ping("alive?"), ctx.voidPromise());
                deadline = ctx.executor().schedule(() -> {
                    problems.closeWith(ctx, "the server stopped answering (no reply to a ping in "
                            + TIMEOUT.toSeconds() + " s)");
                }, TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
        ctx.fireChannelRead(msg);
    }
}
