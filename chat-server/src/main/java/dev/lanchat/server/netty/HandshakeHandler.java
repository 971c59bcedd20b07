package dev.lanchat.server.netty;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.MessageCodec;
import dev.lanchat.protocol.ProtocolException;
import dev.lanchat.protocol.netty.ChatFraming;
import dev.lanchat.server.room.ChatHub;
import dev.lanchat.server.room.HelloOutcome;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Admits a connection: the first message must be a hello, which the chat thread accepts or refuses. While it decides,
 * the channel stops reading and anything already received is held, then replayed in order. Once the client is
 * welcomed, the frame limit grows from the handshake limit to the full one and this handler removes itself, so a
 * member's messages pass straight to {@link MemberHandler}. A refused nickname leaves the client free to try again.
 *
 * <p>One instance per channel; runs on the channel's event loop.
 */
final class HandshakeHandler extends ChannelInboundHandlerAdapter {

    /** Messages a client may send behind its hello before the answer; a compliant client sends none. */
    private static final int MAX_HELD = 32;

    private final ChatHub hub;
    private final Executor chat;
    private final int maxFrameBytes;
    private final Queue<Object> held = new ArrayDeque<>();
    private boolean pending;

    HandshakeHandler(ChatHub hub, Executor chat, int maxFrameBytes) {
        this.hub = hub;
        this.chat = chat;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws ProtocolException {
        if (pending) {
            if (held.size() >= MAX_HELD) {
                throw new ProtocolException(ErrorCode.BAD_HANDSHAKE,
                        "more than " + MAX_HELD + " messages sent before the answer to hello");
            }
            held.add(msg);
            return;
        }
        if (!(msg instanceof ClientMessage.Hello)) {
            String type = msg instanceof ClientMessage ? MessageCodec.typeOf((ClientMessage) msg) : "?";
            throw new ProtocolException(ErrorCode.BAD_HANDSHAKE,
                    "the first message must be a hello, not '" + type + "'");
        }
        ClientMessage.Hello hello = (ClientMessage.Hello) msg;
        pending = true;
        ctx.channel().config().setAutoRead(false);
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        chat.execute(() -> {
            HelloOutcome outcome = hub.hello(connection, hello);
            ctx.executor().execute(() -> settle(ctx, outcome));
        });
    }

    private void settle(ChannelHandlerContext ctx, HelloOutcome outcome) {
        pending = false;
        if (!ctx.channel().isActive()) {
            held.clear();
            return;
        }
        if (outcome instanceof HelloOutcome.Welcomed) {
            ChatFraming.setMaxInboundPayload(ctx.pipeline(), maxFrameBytes);
            ctx.pipeline().remove(this);
            for (Object msg; (msg = held.poll()) != null; ) {
                ctx.fireChannelRead(msg);
            }
        } else if (((HelloOutcome.Refused) outcome).code().closesConnection()) {
            held.clear();
            ctx.channel().close();
            return;
        } else {
            // The client may try another nickname; replay what it sent meanwhile as if it arrived now.
            Queue<Object> replay = new ArrayDeque<>(held);
            held.clear();
            for (Object msg; (msg = replay.poll()) != null; ) {
                ctx.pipeline().context(this).fireChannelRead(msg);
            }
        }
        ctx.channel().config().setAutoRead(true);
    }
}
