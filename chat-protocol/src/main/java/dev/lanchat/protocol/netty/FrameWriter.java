package dev.lanchat.protocol.netty;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Nearest the socket: unwraps an {@link EncodedFrame} into its bytes, which are already framed. Everything else
 * passes through. Stateless and sharable.
 */
@Sharable
final class FrameWriter extends ChannelOutboundHandlerAdapter {

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ctx.write(msg instanceof EncodedFrame ? ((EncodedFrame) msg).content() : msg, promise);
    }
}
