package dev.lanchat.server.netty;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.MessageCodec;
import dev.lanchat.protocol.ProtocolException;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.netty.ChatFraming;
import dev.lanchat.server.room.HelloOutcome;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/**
 * Admits a connection: the first message must be a hello, and it must come within the handshake timeout. The
 * password, if the room has one, is checked here, so a wrong guess never reaches the room; then the chat thread
 * accepts or refuses the nickname. While it decides, the channel stops reading and anything already received is
 * held, then replayed in order. Once the client is welcomed, the frame limit grows from the handshake limit to the
 * full one and this handler removes itself. A refused nickname leaves the client free to try again.
 *
 * <p>One instance per channel; runs on the channel's event loop.
 */
final class HandshakeHandler extends ChannelInboundHandlerAdapter {

    /** Messages a client may send behind its hello before the answer; a compliant client sends none. */
    static final int MAX_HELD = 32;

    private final ServerContext server;
    private final Admissions.Ticket ticket;
    private final Queue<Object> held = new ArrayDeque<>();
    private boolean pending;
    private ScheduledFuture<?> deadline;

    HandshakeHandler(ServerContext server, Admissions.Ticket ticket) {
        this.server = server;
        this.ticket = ticket;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        long timeout = server.limits().handshakeTimeout().toMillis();
        deadline = ctx.executor().schedule(() -> ctx.fireExceptionCaught(new ProtocolException(
                ErrorCode.HANDSHAKE_TIMEOUT, "no hello within " + timeout / 1000.0 + " s")),
                timeout, TimeUnit.MILLISECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        deadline.cancel(false);
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
        ReadPause.pause(ctx.channel(), ReadPause.HANDSHAKE);
        PasswordGate.Check check = server.passwords().check(ServerChannels.remoteAddress(ctx.channel()),
                hello.password(), LoopClock.nanoTime(ctx.executor()));
        switch (check.verdict()) {
            case REQUIRED:
                ctx.writeAndFlush(new ServerMessage.Error(ErrorCode.PASSWORD_REQUIRED,
                        "this room needs a password"), ctx.voidPromise());
                refused(ctx);
                break;
            case WRONG:
                // Answered late after repeated failures; the ErrorHandler sends the error and closes.
                ctx.executor().schedule(() -> ctx.fireExceptionCaught(
                        new ProtocolException(ErrorCode.BAD_PASSWORD, "wrong password")),
                        check.delay().toMillis(), TimeUnit.MILLISECONDS);
                break;
            default:
                join(ctx, hello);
        }
    }

    private void join(ChannelHandlerContext ctx, ClientMessage.Hello hello) {
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        server.chat().execute(() -> {
            HelloOutcome outcome = server.hub().hello(connection, hello);
            ctx.executor().execute(() -> settle(ctx, outcome));
        });
    }

    private void settle(ChannelHandlerContext ctx, HelloOutcome outcome) {
        if (!ctx.channel().isActive()) {
            held.clear();
            return;
        }
        if (outcome instanceof HelloOutcome.Welcomed) {
            ticket.joined();
            ChatFraming.setMaxInboundPayload(ctx.pipeline(), server.limits().maxFrameBytes());
            ctx.pipeline().remove(this);
            for (Object msg; (msg = held.poll()) != null; ) {
                ctx.fireChannelRead(msg);
            }
            ReadPause.resume(ctx.channel(), ReadPause.HANDSHAKE);
        } else if (((HelloOutcome.Refused) outcome).code().closesConnection()) {
            held.clear();
            ctx.channel().close();
        } else {
            refused(ctx);
        }
    }

    /** The hello was refused but the client may try again: replay what it sent meanwhile, and read on. */
    private void refused(ChannelHandlerContext ctx) {
        pending = false;
        Queue<Object> replay = new ArrayDeque<>(held);
        held.clear();
        for (Object msg; (msg = replay.poll()) != null; ) {
            try {
                channelRead(ctx, msg); // a replayed hello makes this pending again, holding the rest
            } catch (ProtocolException violation) {
                ctx.fireExceptionCaught(violation);
                return;
            }
        }
        if (!pending) {
            ReadPause.resume(ctx.channel(), ReadPause.HANDSHAKE);
        }
    }
}
