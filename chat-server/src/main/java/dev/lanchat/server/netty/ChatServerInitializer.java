package dev.lanchat.server.netty;

import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.netty.ChatFraming;
import dev.lanchat.protocol.netty.ServerSideCodec;
import dev.lanchat.server.room.Moderation;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * The server's whole wire stack. A connection from a banned address or over a limit gets an error and nothing
 * else. An admitted one gets,
 * from the socket up:
 *
 * <ol>
 *   <li>TLS, when enabled; a client that does not start a TLS handshake is told so and closed;</li>
 *   <li>{@link SendQueueGuard}, nearest the socket so it sees every byte queued for the member;</li>
 *   <li>an idle-state handler that reports silence to {@link KeepAliveHandler};</li>
 *   <li>framing and UTF-8 text ({@link ChatFraming}), starting with the small handshake frame limit so a stray
 *       HTTP or TLS client is refused on its first bytes;</li>
 *   <li>the message codec, between text and typed messages;</li>
 *   <li>{@link KeepAliveHandler}, which pings a silent member and drops one that does not answer;</li>
 *   <li>{@link HandshakeHandler}, which admits a hello and then removes itself;</li>
 *   <li>{@link FloodGate}, which holds a member to its message rate;</li>
 *   <li>{@link MemberHandler}, which hands a member's requests to the chat thread;</li>
 *   <li>{@link ErrorHandler}, last, so that every exception from any handler above ends there.</li>
 * </ol>
 */
final class ChatServerInitializer extends ChannelInitializer<Channel> {

    private final ServerContext server;

    ChatServerInitializer(ServerContext server) {
        this.server = server;
    }

    @Override
    protected void initChannel(Channel channel) {
        String label = "[" + channel.id().asShortText() + " " + ServerChannels.remoteText(channel) + "]";
        Moderation.Ban ban = server.moderation().banOf(ServerChannels.remoteAddress(channel).getHostAddress());
        if (ban != null) {
            server.offences().report(label, "refused: the address is banned");
            channel.pipeline().addLast("refuse", new RefuseOnActive(new ServerMessage.Error(ErrorCode.BANNED,
                    "this address is banned from the server" + (ban.until() == null ? "" : " until " + ban.until()))));
            return;
        }
        Admissions.Decision admission = server.admissions().admit(ServerChannels.remoteAddress(channel));
        if (admission.ticket() == null) {
            server.offences().report(label, "refused: " + admission.refusal());
            channel.pipeline().addLast("refuse", new RefuseOnActive(new ServerMessage.Error(ErrorCode.SERVER_FULL,
                    admission.refusal())));
            return;
        }
        channel.closeFuture().addListener(closed -> admission.ticket().release());
        server.everyone().add(channel);
        new ChannelConnection(channel);
        ConnectionLimits limits = server.limits();
        ChannelPipeline pipeline = channel.pipeline();
        if (server.tls() != null) {
            pipeline.addLast("tls", new TlsOrRefusal(server.tls()));
        }
        pipeline.addLast("send-queue", new SendQueueGuard(limits, server.offences()));
        pipeline.addLast("idle", new IdleStateHandler(limits.idleBeforePing().toNanos(), 0, 0, TimeUnit.NANOSECONDS));
        ChatFraming.install(pipeline, Protocol.HANDSHAKE_MAX_FRAME_BYTES);
        pipeline.addLast("codec", ServerSideCodec.INSTANCE);
        pipeline.addLast("keepalive", new KeepAliveHandler(limits, server.offences()));
        pipeline.addLast("handshake", new HandshakeHandler(server, admission.ticket()));
        pipeline.addLast("flood", new FloodGate(limits, server.offences()));
        pipeline.addLast("member", new MemberHandler(server.hub(), server.chat(), server.backlog()));
        pipeline.addLast("errors", server.errors());
    }

    /** The whole pipeline of a refused connection: an error once it is active, then the close. */
    private static final class RefuseOnActive extends ChannelInboundHandlerAdapter {
        private final ServerMessage.Error refusal;

        RefuseOnActive(ServerMessage.Error refusal) {
            this.refusal = refusal;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.channel().config().setAutoRead(false);
            Refusal.send(ctx, refusal);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
