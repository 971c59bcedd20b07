package dev.lanchat.protocol.netty;

import dev.lanchat.protocol.MessageCodec;
import dev.lanchat.protocol.ServerMessage;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import java.util.List;

/**
 * The server's message codec: reads {@link dev.lanchat.protocol.ClientMessage}s from text and writes
 * {@link ServerMessage}s as text, through {@link MessageCodec}. A frame that cannot be read surfaces as a
 * {@code DecoderException} whose cause is a {@link dev.lanchat.protocol.ProtocolException}. Stateless and sharable.
 */
@Sharable
public final class ServerSideCodec extends MessageToMessageCodec<String, ServerMessage> {

    public static final ServerSideCodec INSTANCE = new ServerSideCodec();

    private ServerSideCodec() {
        super(String.class, ServerMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ServerMessage msg, List<Object> out) {
        out.add(MessageCodec.encode(msg));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, String msg, List<Object> out) throws Exception {
        out.add(MessageCodec.decodeClientMessage(msg));
    }
}
