package dev.lanchat.server.netty;

import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.netty.ChatFraming;
import dev.lanchat.protocol.netty.ServerSideCodec;
import dev.lanchat.server.room.ChatHub;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import java.util.concurrent.Executor;

/**
 * The server's whole wire stack, in order from the socket up:
 *
 * <ol>
 *   <li>framing and UTF-8 text ({@link ChatFraming}), starting with the small handshake frame limit so that a
 *       stray HTTP or TLS client is refused on its first bytes;</li>
 *   <li>the message codec, between text and typed messages;</li>
 *   <li>{@link HandshakeHandler}, which admits a hello and then removes itself;</li>
 *   <li>{@link MemberHandler}, which hands a member's requests to the chat thread;</li>
 *   <li>{@link ErrorHandler}, last, so that every exception from any handler above ends there.</li>
 * </ol>
 */
final class ChatServerInitializer extends ChannelInitializer<Channel> {

    private final ChatHub hub;
    private final Executor chat;
    private final int maxFrameBytes;
    private final ChannelGroup everyone;

    ChatServerInitializer(ChatHub hub, Executor chat, int maxFrameBytes, ChannelGroup everyone) {
        this.hub = hub;
        this.chat = chat;
        this.maxFrameBytes = maxFrameBytes;
        this.everyone = everyone;
    }

    @Override
    protected void initChannel(Channel channel) {
        everyone.add(channel);
        new ChannelConnection(channel);
        ChannelPipeline pipeline = channel.pipeline();
        ChatFraming.install(pipeline, Protocol.HANDSHAKE_MAX_FRAME_BYTES);
        pipeline.addLast("codec", ServerSideCodec.INSTANCE);
        pipeline.addLast("handshake", new HandshakeHandler(hub, chat, maxFrameBytes));
        pipeline.addLast("member", new MemberHandler(hub, chat));
        pipeline.addLast("errors", ErrorHandler.INSTANCE);
    }
}
