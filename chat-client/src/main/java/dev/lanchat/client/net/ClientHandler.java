package dev.lanchat.client.net;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.ProtocolException;
import dev.lanchat.protocol.ServerMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the client's pipeline: answers pings, hands every other message to the {@link ConnectionListener}, and
 * turns the channel's end into one {@link ConnectionListener#onClosed} call. A message kind this client does not know
 * is skipped, since newer servers may send kinds older clients lack; any other unreadable frame closes the
 * connection with a description of the problem.
 *
 * <p>One instance per channel; runs on the channel's event loop.
 */
final class ClientHandler extends SimpleChannelInboundHandler<ServerMessage> {

    private static final Logger log = LoggerFactory.getLogger(ClientHandler.class);

    private final ConnectionListener listener;
    private String problem;

    ClientHandler(ConnectionListener listener) {
        this.listener = listener;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ServerMessage message) {
        if (message instanceof ServerMessage.Ping) {
            ctx.writeAndFlush(new ClientMessage.Pong(((ServerMessage.Ping) message).token()), ctx.voidPromise());
            return;
        }
        listener.onMessage(message);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        listener.onClosed(problem);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (root instanceof ProtocolException && ((ProtocolException) root).code() == ErrorCode.UNKNOWN_TYPE) {
            log.debug("skipping a message this client does not know: {}", root.getMessage());
            return;
        }
        if (root instanceof ProtocolException || root instanceof TooLongFrameException) {
            problem = "the server sent something this client cannot read: " + root.getMessage();
            log.warn(problem);
        } else if (root instanceof IOException) {
            problem = root.getMessage();
            log.debug("connection failed", root);
        } else {
            problem = "unexpected error: " + root;
            log.error("unexpected error on the connection", root);
        }
        ctx.close();
    }
}
