package dev.lanchat.bench.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The receive hot path, between the frame decoder and the text decoder: a frame the {@link FrameScanner} can route
 * ({@code msg}, {@code join}, {@code leave}, {@code welcome}) is handled from its bytes and released here, so that
 * the great majority of frames never become a String; any other frame travels on to the text decoder and the full
 * codec.
 *
 * <p>One instance per channel (it owns a scanner); runs on the channel's event loop.
 */
final class FastPathHandler extends ChannelInboundHandlerAdapter {

    private final BenchClient client;
    private final ClientListener listener;
    private final FrameScanner scanner = new FrameScanner();

    FastPathHandler(BenchClient client) {
        this.client = client;
        this.listener = client.listener();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        ByteBuf payload = (ByteBuf) msg;
        FrameScanner.Kind kind = scanner.scan(payload);
        if (kind == FrameScanner.Kind.OTHER) {
            ctx.fireChannelRead(payload);
            return;
        }
        try {
            switch (kind) {
                case MSG:
                    listener.onChat(scanner);
                    break;
                case WELCOME:
                    client.admitted();
                    break;
                default:
                    listener.onPresence(kind);
                    break;
            }
        } finally {
            payload.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        listener.onReadComplete();
        ctx.fireChannelReadComplete();
    }
}
