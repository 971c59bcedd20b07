package dev.lanchat.protocol.netty;

import dev.lanchat.protocol.Protocol;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.ByteOrder;

/**
 * Splits the inbound byte stream into frames: a 4-byte big-endian length, then the payload, which is passed on with
 * the length stripped. It fails fast: a declared length over the limit raises {@link FrameTooLongException} as soon
 * as the four length bytes arrive, so a hostile length such as {@code 0xFFFFFFFF} costs nothing to refuse.
 *
 * <p>Not sharable: it accumulates partial frames per channel.
 */
final class ChatFrameDecoder extends LengthFieldBasedFrameDecoder {

    private final int maxPayloadBytes;
    private long lastDeclaredLength;

    ChatFrameDecoder(int maxPayloadBytes) {
        // The decoder's limit counts the length field too; the protocol's limit is on the payload alone.
        super(ByteOrder.BIG_ENDIAN, maxPayloadBytes + Protocol.LENGTH_FIELD_BYTES, 0, Protocol.LENGTH_FIELD_BYTES,
                0, Protocol.LENGTH_FIELD_BYTES, true);
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive: " + maxPayloadBytes);
        }
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    protected long getUnadjustedFrameLength(ByteBuf buf, int offset, int length, ByteOrder order) {
        lastDeclaredLength = super.getUnadjustedFrameLength(buf, offset, length, order);
        return lastDeclaredLength;
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        try {
            return super.decode(ctx, in);
        } catch (TooLongFrameException e) {
            throw new FrameTooLongException(lastDeclaredLength, maxPayloadBytes);
        }
    }
}
