package dev.lanchat.client.net;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.ProtocolException;
import dev.lanchat.protocol.ServerMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.NotSslRecordException;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the client's pipeline: answers pings, hands every other message to the {@link ConnectionListener}, and
 * turns the channel's end into one {@link ConnectionListener#onClosed} call with a description of what went wrong,
 * if anything did. A message kind this client does not know is skipped, since newer servers may send kinds older
 * clients lack; any other unreadable frame closes the connection.
 *
 * <p>One instance per channel; runs on the channel's event loop.
 */
final class ClientHandler extends SimpleChannelInboundHandler<ServerMessage> {

    private static final Logger log = LoggerFactory.getLogger(ClientHandler.class);
    private static final Pattern NATIVE_ERROR = Pattern.compile(".*failed with error\\(-?\\d+\\): (.+)");

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
        if (message instanceof ServerMessage.Pong) {
            return; // the answer to a ServerWatch ping; arriving was the point
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
        String description = describe(root);
        log.warn("closing the connection: {}", description);
        log.debug("what closed the connection", root);
        closeWith(ctx, description);
    }

    /** Closes the connection, reporting {@code why} to the listener. */
    void closeWith(ChannelHandlerContext ctx, String why) {
        if (problem == null) {
            problem = why;
        }
        ctx.close();
    }

    /** A sentence about what went wrong, for the person at the client. */
    static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                return cause.getMessage();
            }
        }
        if (failure instanceof NotSslRecordException) {
            return "the server answered in plain text: it does not use TLS (connect without --tls)";
        }
        if (failure instanceof SSLException) {
            return "the TLS handshake failed (" + failure.getMessage() + "); does the server use TLS?";
        }
        if (failure instanceof ProtocolException || failure instanceof TooLongFrameException) {
            return "the server sent something this client cannot read: " + failure.getMessage();
        }
        if (failure instanceof IOException) {
            return plainSocketError(String.valueOf(failure.getMessage()));
        }
        return "unexpected error: " + failure;
    }

    /**
     * The part of a socket error a person can read: the native transport says
     * {@code recvAddress(..) failed with error(-104): Connection reset by peer}, and only the last words mean anything
     * to someone chatting.
     */
    static String plainSocketError(String message) {
        Matcher nativeError = NATIVE_ERROR.matcher(message);
        String words = nativeError.matches() ? nativeError.group(1) : message;
        return words.isEmpty() ? words : Character.toLowerCase(words.charAt(0)) + words.substring(1);
    }
}
