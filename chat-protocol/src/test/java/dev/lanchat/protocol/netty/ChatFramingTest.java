package dev.lanchat.protocol.netty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatFramingTest {

    private static final int LIMIT = 64;

    private final EmbeddedChannel channel = new EmbeddedChannel();

    ChatFramingTest() {
        ChatFraming.install(channel.pipeline(), LIMIT);
    }

    @AfterEach
    void nothingIsLeftOrLeaked() {
        assertFalse(channel.finishAndReleaseAll(), "unread messages were left in the channel");
    }

    @Test
    void frameSplitAcrossReadsIsReassembled() {
        byte[] frame = frame("héllo");
        for (byte b : frame) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        assertEquals("héllo", channel.readInbound());
        assertNull(channel.readInbound());
    }

    @Test
    void severalFramesInOneReadAllArriveInOrder() {
        ByteBuf many = Unpooled.wrappedBuffer(frame("one"), frame("two"), frame("three"));
        channel.writeInbound(many);
        assertEquals("one", channel.readInbound());
        assertEquals("two", channel.readInbound());
        assertEquals("three", channel.readInbound());
        assertEquals(0, many.refCnt());
    }

    @Test
    void emptyFrameDecodesToEmptyText() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 0}));
        assertEquals("", channel.readInbound());
    }

    @Test
    void largestAllowedFrameIsAccepted() {
        String largest = "x".repeat(LIMIT);
        channel.writeInbound(Unpooled.wrappedBuffer(frame(largest)));
        assertEquals(largest, channel.readInbound());
    }

    @Test
    void oneByteOverTheLimitIsRefusedFromItsLengthAlone() {
        // Only the length prefix is sent: the refusal must not wait for, or buffer, the payload.
        ByteBuf header = Unpooled.buffer(4).writeInt(LIMIT + 1);
        FrameTooLongException e = assertThrows(FrameTooLongException.class, () -> channel.writeInbound(header));
        assertEquals(LIMIT + 1, e.declaredBytes());
        assertEquals(LIMIT, e.limitBytes());
        assertEquals("frame of 65 bytes exceeds the limit of 64 bytes", e.getMessage());
        assertEquals(0, header.refCnt());
    }

    @Test
    void hugeDeclaredLengthCostsNothing() {
        ByteBuf header = Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        FrameTooLongException e = assertThrows(FrameTooLongException.class, () -> channel.writeInbound(header));
        assertEquals(0xFFFFFFFFL, e.declaredBytes());
    }

    @Test
    void malformedUtf8IsRefusedNamingTheOffset() {
        byte[] bad = {'a', 'b', (byte) 0xC3, (byte) 0x28};
        DecoderException e = assertThrows(DecoderException.class,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(frame(bad))));
        ProtocolException cause = assertInstanceOf(ProtocolException.class, e.getCause());
        assertEquals(ErrorCode.BAD_UTF8, cause.code());
        assertEquals("frame is not valid UTF-8 (bad byte at offset 2)", cause.getMessage());
    }

    @Test
    void overlongEncodingsAndSurrogatesAreNotUtf8() {
        byte[][] invalid = {
            {(byte) 0xC0, (byte) 0xAF},                           // overlong '/'
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},              // UTF-16 surrogate half
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
            {(byte) 0xE2, (byte) 0x82},                           // truncated sequence
        };
        for (byte[] bytes : invalid) {
            assertThrows(DecoderException.class, () -> channel.writeInbound(Unpooled.wrappedBuffer(frame(bytes))));
        }
    }

    @Test
    void aGoodFrameAfterABadOneStillDecodes() {
        assertThrows(DecoderException.class,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(frame(new byte[] {(byte) 0xFF}))));
        channel.writeInbound(Unpooled.wrappedBuffer(frame("fine")));
        assertEquals("fine", channel.readInbound());
    }

    @Test
    void writtenTextIsFramedWithItsUtf8Length() {
        channel.writeOutbound("héllo");
        assertArrayEquals(frame("héllo"), drainOutbound());
    }

    @Test
    void encodedFrameIsByteForByteWhatThePipelineWrites() {
        String text = "{\"type\":\"msg\",\"text\":\"żółw 🐢\"}";
        channel.writeOutbound(text);
        byte[] viaPipeline = drainOutbound();

        EncodedFrame frame = ChatFraming.encode(ByteBufAllocator.DEFAULT, text);
        byte[] encodedOnce = ByteBufUtil.getBytes(frame.content());
        frame.release();
        assertArrayEquals(viaPipeline, encodedOnce);
    }

    @Test
    void encodedFramePassesTheEncodersUntouched() {
        EncodedFrame frame = ChatFraming.encode(ByteBufAllocator.DEFAULT, "broadcast");
        EncodedFrame copy = frame.retainedDuplicate();
        channel.writeOutbound(copy);
        assertArrayEquals(frame("broadcast"), drainOutbound());
        assertEquals(1, frame.refCnt(), "the channel must release only its own duplicate");
        frame.release();
    }

    @Test
    void raisingTheLimitKeepsBytesAlreadyReceived() {
        String big = "y".repeat(LIMIT * 2);
        byte[] second = frame(big);
        // One complete frame plus the first half of a frame that only the raised limit allows.
        ByteBuf first = Unpooled.wrappedBuffer(frame("small"));
        channel.writeInbound(first);
        assertEquals("small", channel.readInbound());

        ChatFraming.setMaxInboundPayload(channel.pipeline(), LIMIT * 4);
        channel.writeInbound(Unpooled.wrappedBuffer(second, 0, 10));
        assertNull(channel.readInbound());
        channel.writeInbound(Unpooled.wrappedBuffer(second, 10, second.length - 10));
        assertEquals(big, channel.readInbound());
    }

    @Test
    void replacingTheDecoderMidFrameHandsOverThePartialFrame() {
        byte[] frame = frame("carried over");
        channel.writeInbound(Unpooled.wrappedBuffer(frame, 0, 6));
        ChatFraming.setMaxInboundPayload(channel.pipeline(), LIMIT * 4);
        channel.writeInbound(Unpooled.wrappedBuffer(frame, 6, frame.length - 6));
        assertEquals("carried over", channel.readInbound());
    }

    private byte[] drainOutbound() {
        ByteBuf all = Unpooled.buffer();
        for (Object out; (out = channel.readOutbound()) != null; ) {
            ByteBuf buf = (ByteBuf) out;
            all.writeBytes(buf);
            buf.release();
        }
        byte[] bytes = ByteBufUtil.getBytes(all);
        all.release();
        assertTrue(bytes.length >= 4);
        return bytes;
    }

    static byte[] frame(String text) {
        return frame(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] frame(byte[] payload) {
        ByteBuf buf = Unpooled.buffer(4 + payload.length).writeInt(payload.length).writeBytes(payload);
        byte[] bytes = ByteBufUtil.getBytes(buf);
        buf.release();
        return bytes;
    }
}
