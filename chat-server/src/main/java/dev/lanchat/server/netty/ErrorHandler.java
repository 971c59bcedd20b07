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
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the pipeline: every exception stops here. A protocol violation gets an error message naming the problem
 * and, if its code says so, the connection is closed once the message is written, or after a second if the peer does
 * not read it. A failed TLS handshake closes with one log line. A transport failure (reset, broken pipe) closes
 * quietly. Anything else is a bug: logged with its stack trace, and the connection closed. Violations are logged through the rate-limited {@link OffenceLog}, one line each,
 * without stack traces.
 *
 * <p>Stateless and sharable.
 */
@Sharable
final class ErrorHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);

    private final OffenceLog offences;
    private final AtomicLong unexpected = new AtomicLong();

    ErrorHandler(OffenceLog offences) {
        this.offences = offences;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        String label = connection == null ? "[" + ctx.channel().id().asShortText() + "]" : connection.label();
        ProtocolException violation = violationIn(ctx, cause);
        if (violation != null) {
            ErrorCode code = violation.code();
            ServerMessage.Error error = new ServerMessage.Error(code, violation.getMessage());
            if (code.closesConnection()) {
                if (connection != null) {
                    connection.closingFor(LeaveReason.ERROR);
                }
                offences.report(label, "closed: " + violation.getMessage() + " (" + code.wireName() + ")");
                ReadPause.pause(ctx.channel(), ReadPause.CLOSING);
                ctx.writeAndFlush(error).addListener(ChannelFutureListener.CLOSE);
                Refusal.closeSoon(ctx.channel());
            } else {
                log.debug("{} refused: {} ({})", label, violation.getMessage(), code.wireName());
                ctx.writeAndFlush(error, ctx.voidPromise());
            }
        } else if (tlsFailure(cause) != null) {
            offences.report(label, "closed: TLS failed: " + tlsFailure(cause).getMessage());
            ctx.close();
        } else if (cause instanceof IOException) {
            log.debug("{} transport failure: {}", label, cause.toString());
            ctx.close();
        } else {
            unexpected.incrementAndGet();
            log.warn("{} unexpected error; closing the connection", label, cause);
            ctx.close();
        }
    }

    /** The TLS failure behind {@code cause} (a failed handshake, a record that is not TLS), or {@code null}. */
    private static SSLException tlsFailure(Throwable cause) {
        for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
            if (inner instanceof SSLException) {
                return (SSLException) inner;
            }
        }
        return null;
    }

    /** Exceptions that were neither a protocol violation nor a transport failure: bugs. For tests. */
    long unexpected() {
        return unexpected.get();
    }

    /** The protocol violation behind {@code cause}, or {@code null} if it is not one. */
    private static ProtocolException violationIn(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof FrameTooLongException) {
            FrameTooLongException tooLong = (FrameTooLongException) cause;
            String stranger = ctx.pipeline().get(HandshakeHandler.class) == null
                    ? null : StrangerBytes.describe(tooLong.declaredBytes());
            return new ProtocolException(ErrorCode.FRAME_TOO_LONG,
                    stranger == null ? cause.getMessage() : cause.getMessage() + "; " + stranger);
        }
        if (cause instanceof ProtocolException) {
            return (ProtocolException) cause;
        }
        if (cause instanceof DecoderException && cause.getCause() instanceof ProtocolException) {
            return (ProtocolException) cause.getCause();
        }
        return null;
    }
}
