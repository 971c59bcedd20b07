package dev.lanchat.server.netty;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.ProtocolException;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.server.room.ChatHub;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.Executor;

/**
 * Translates a member's messages into calls on the {@link ChatHub}, made on the chat thread in the order they were
 * read, and reports the channel's end so that the member leaves its room. Pings are answered here without troubling
 * the chat thread. While the event loops are behind on deliveries ({@link DeliveryBacklog}), a sender stops being
 * read until they catch up.
 *
 * <p>One instance per channel; runs on the channel's event loop.
 */
final class MemberHandler extends ChannelInboundHandlerAdapter {

    private final ChatHub hub;
    private final Executor chat;
    private final DeliveryBacklog backlog;

    MemberHandler(ChatHub hub, Executor chat, DeliveryBacklog backlog) {
        this.hub = hub;
        this.chat = chat;
        this.backlog = backlog;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws ProtocolException {
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        if (msg instanceof ClientMessage.Say) {
            String text = ((ClientMessage.Say) msg).text();
            chat.execute(() -> hub.say(connection, text));
            slowDownIfBehind(ctx);
        } else if (msg instanceof ClientMessage.Command) {
            ClientMessage.Command command = (ClientMessage.Command) msg;
            chat.execute(() -> hub.command(connection, command.name(), command.args()));
            slowDownIfBehind(ctx);
        } else if (msg instanceof ClientMessage.Ping) {
            ctx.writeAndFlush(new ServerMessage.Pong(((ClientMessage.Ping) msg).token()), ctx.voidPromise());
        } else if (msg instanceof ClientMessage.Hello) {
            throw new ProtocolException(ErrorCode.BAD_HANDSHAKE, "already joined; hello may only be sent once");
        }
        // A pong needs no work here: any message read counts as a sign of life to the idle check.
    }

    /** While the server is behind on deliveries, a member that sends more stops being read until it catches up. */
    private void slowDownIfBehind(ChannelHandlerContext ctx) {
        if (backlog.behind() && !ReadPause.paused(ctx.channel(), ReadPause.BACKLOG)) {
            backlog.park(ctx.channel());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        chat.execute(() -> hub.disconnected(connection, connection.closeReason()));
        ctx.fireChannelInactive();
    }
}
