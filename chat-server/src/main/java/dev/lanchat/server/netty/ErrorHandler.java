package dev.lanchat.server.netty;

import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.ProtocolException;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.netty.FrameTooLongException;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the pipeline: every exception stops here. A protocol violation gets an error message naming the problem
 * and, if its code says so, the connection is closed once the message is written. A transport failure (reset, broken
 * pipe) closes quietly. Anything else is a bug: logged with its stack trace, and the connection closed.
 *
 * <p>Stateless and sharable.
 */
@Sharable
final class ErrorHandler extends ChannelInboundHandlerAdapter {

    static final ErrorHandler INSTANCE = new ErrorHandler();

    private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);

    private ErrorHandler() {
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String label = labelOf(ctx);
        ProtocolException violation = violationIn(cause);
        if (violation != null) {
            ErrorCode code = violation.code();
            ServerMessage.Error error = new ServerMessage.Error(code, violation.getMessage());
            if (code.closesConnection()) {
                ChannelConnection connection = ChannelConnection.of(ctx.channel());
                if (connection != null) {
                    connection.closingFor(LeaveReason.ERROR);
                }
                log.info("{} closing: {} ({})", label, violation.getMessage(), code.wireName());
                ctx.writeAndFlush(error).addListener(ChannelFutureListener.CLOSE);
                ctx.channel().config().setAutoRead(false);
            } else {
                log.debug("{} refused: {} ({})", label, violation.getMessage(), code.wireName());
                ctx.writeAndFlush(error, ctx.voidPromise());
            }
        } else if (cause instanceof IOException) {
            log.debug("{} transport failure: {}", label, cause.toString());
            ctx.close();
        } else {
            log.warn("{} unexpected error; closing the connection", label, cause);
            ctx.close();
        }
    }

    /** The protocol violation behind {@code cause}, or {@code null} if it is not one. */
    private static ProtocolException violationIn(Throwable cause) {
        if (cause instanceof FrameTooLongException) {
            return new ProtocolException(ErrorCode.FRAME_TOO_LONG, cause.getMessage());
        }
        if (cause instanceof ProtocolException) {
            return (ProtocolException) cause;
        }
        if (cause instanceof DecoderException && cause.getCause() instanceof ProtocolException) {
            return (ProtocolException) cause.getCause();
        }
        return null;
    }

    private static String labelOf(ChannelHandlerContext ctx) {
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        return connection == null ? "[" + ctx.channel().id().asShortText() + "]" : connection.label();
    }
}
