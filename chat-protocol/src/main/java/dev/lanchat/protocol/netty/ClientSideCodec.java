package dev.lanchat.protocol.netty;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.MessageCodec;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import java.util.List;

/**
 * The client's message codec: reads {@link dev.lanchat.protocol.ServerMessage}s from text and writes
 * {@link ClientMessage}s as text, through {@link MessageCodec}. Stateless and sharable.
 */
@Sharable
public final class ClientSideCodec extends MessageToMessageCodec<String, ClientMessage> {

    public static final ClientSideCodec INSTANCE = new ClientSideCodec();

    private ClientSideCodec() {
        super(String.class, ClientMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ClientMessage msg, List<Object> out) {
        out.add(MessageCodec.encode(msg));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, String msg, List<Object> out) throws Exception {
        out.add(MessageCodec.decodeServerMessage(msg));
    }
}
