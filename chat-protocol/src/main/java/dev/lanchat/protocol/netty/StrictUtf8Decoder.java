package dev.lanchat.protocol.netty;

import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes a frame's payload as UTF-8, refusing malformed input with a {@link ProtocolException} that names the byte
 * offset, where Netty's {@code StringDecoder} would quietly substitute U+FFFD. Stateless and sharable.
 */
@Sharable
final class StrictUtf8Decoder extends MessageToMessageDecoder<ByteBuf> {

    StrictUtf8Decoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf payload, List<Object> out) throws ProtocolException {
        if (!ByteBufUtil.isText(payload, StandardCharsets.UTF_8)) {
            throw new ProtocolException(ErrorCode.BAD_UTF8,
                    "frame is not valid UTF-8 (bad byte at offset " + firstMalformedOffset(payload) + ")");
        }
        out.add(payload.toString(StandardCharsets.UTF_8));
    }

    /** Slow path, only taken for a bad frame: finds where decoding fails, for the error message. */
    private static int firstMalformedOffset(ByteBuf payload) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = payload.nioBuffer();
        CharBuffer chars = CharBuffer.allocate(bytes.remaining());
        CoderResult result = decoder.decode(bytes, chars, true);
        return result.isError() ? bytes.position() : bytes.limit();
    }
}
