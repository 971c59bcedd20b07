package dev.lanchat.server.netty;

import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.ServerMessage;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.OptionalSslHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;

/**
 * TLS on a TLS-only port: a client that opens with a TLS hello gets TLS; one that sends anything else gets a plain
 * error saying the server needs TLS, and is closed, rather than an unexplained dropped connection.
 *
 * <p>One instance per channel; it replaces itself with the TLS handler or the refusal once it has seen the first
 * bytes.
 */
final class TlsOrRefusal extends OptionalSslHandler {

    TlsOrRefusal(SslContext context) {
        super(context);
    }

    @Override
    protected String newSslHandlerName() {
        return "tls";
    }

    @Override
    protected ChannelHandler newNonSslHandler(ChannelHandlerContext ctx) {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void handlerAdded(ChannelHandlerContext refusing) {
                refusing.channel().config().setAutoRead(false);
                Refusal.send(refusing, new ServerMessage.Error(ErrorCode.TLS_REQUIRED,
                        "this server only speaks TLS; connect with --tls"));
            }

            @Override
            public void channelRead(ChannelHandlerContext refusing, Object msg) {
                ReferenceCountUtil.release(msg);
            }
        };
    }
}
