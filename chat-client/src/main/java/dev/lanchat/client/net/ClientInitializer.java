package dev.lanchat.client.net;

import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.netty.ChatFraming;
import dev.lanchat.protocol.netty.ClientSideCodec;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The client's whole wire stack, from the socket up: TLS when asked for; an idle-state handler, which measures
 * silence on what arrives before it is decoded; framing and UTF-8 text ({@link ChatFraming}, the same installer the
 * server uses, with the larger limit for server frames); the message codec; {@link ServerWatch}, which pings a
 * silent server and gives up on a dead one; and {@link ClientHandler}, which answers pings and hands everything
 * else to the listener.
 */
final class ClientInitializer extends ChannelInitializer<Channel> {

    private final SslContext tls;
    private final String host;
    private final int port;
    private final ConnectionListener listener;

    /** @param tls the TLS context, or {@code null} for plain TCP */
    ClientInitializer(SslContext tls, String host, int port, ConnectionListener listener) {
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.listener = listener;
    }

    @Override
    protected void initChannel(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (tls != null) {
            pipeline.addLast("tls", tls.newHandler(channel.alloc(), host, port));
        }
        pipeline.addLast("idle", new IdleStateHandler(ServerWatch.SILENCE.toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        ChatFraming.install(pipeline, Protocol.SERVER_MAX_FRAME_BYTES);
        pipeline.addLast("codec", ClientSideCodec.INSTANCE);
        ClientHandler handler = new ClientHandler(listener);
        pipeline.addLast("watch", new ServerWatch(handler));
        pipeline.addLast("client", handler);
    }
}
