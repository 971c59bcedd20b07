package dev.lanchat.bench.net;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.ProtocolException;
import dev.lanchat.protocol.ServerMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a bench client's pipeline, for the few frames the fast path leaves to the full codec: answers pings,
 * turns an error before the welcome into a refused join, passes everything else to the {@link ClientListener}, and
 * reports the channel's end. Every exception ends here.
 *
 * <p>One instance per channel; runs on the channel's event loop.
 */
final class ControlHandler extends SimpleChannelInboundHandler<ServerMessage> {

    private static final Logger log = LoggerFactory.getLogger(ControlHandler.class);

    private final BenchClient client;
    private String problem;

    ControlHandler(BenchClient client) {
        this.client = client;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ServerMessage message) {
        if (message instanceof ServerMessage.Ping) {
            ctx.writeAndFlush(new ClientMessage.Pong(((ServerMessage.Ping) message).token()), ctx.voidPromise());
            return;
        }
        if (!client.isWelcomed() && message instanceof ServerMessage.Error) {
            ServerMessage.Error error = (ServerMessage.Error) message;
            client.refused("the server refused the hello: " + error.code() + " (" + error.text() + ")");
            ctx.close();
            return;
        }
        if (message instanceof ServerMessage.Bye) {
            ServerMessage.Bye bye = (ServerMessage.Bye) message;
            problem = "the server said goodbye: " + bye.reason() + " (" + bye.text() + ")";
        }
        client.listener().onMessage(message);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        String why = problem != null ? problem : "the server closed the connection";
        if (!client.refused(why)) {
            client.listener().onClosed(problem);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (root instanceof ProtocolException && ((ProtocolException) root).code() == ErrorCode.UNKNOWN_TYPE) {
            log.debug("[{}] skipping a message kind this client does not know: {}", client, root.getMessage());
            return;
        }
        if (root instanceof IOException) {
            problem = "connection failed: " + root.getMessage();
            log.debug("[{}] {}", client, problem);
        } else {
            problem = "cannot read what the server sent: " + root;
            log.warn("[{}] {}", client, problem);
        }
        ctx.close();
    }
}
