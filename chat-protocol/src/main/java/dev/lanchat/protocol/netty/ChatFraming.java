package dev.lanchat.protocol.netty;

import dev.lanchat.protocol.Protocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.string.StringEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one place that installs the wire framing, used by server and client alike so that it can never drift between
 * them. A frame is a 4-byte big-endian unsigned length, then that many bytes of UTF-8 text:
 *
 * <pre>
 * +--------+--------+--------+--------+---------------------------+
 * |        payload length (uint32)    |  payload: UTF-8 JSON text |
 * +--------+--------+--------+--------+---------------------------+
 *   00       00       00       0f       {"type":"say"...
 * </pre>
 *
 * Thread-safe: the methods only build handlers and buffers.
 */
public final class ChatFraming {

    /** Outbound: lets a pre-encoded {@link EncodedFrame} bypass the encoders above it. */
    public static final String FRAME_WRITER = "frame-writer";
    /** Inbound: splits the byte stream into frames and strips the length prefix. */
    public static final String FRAME_DECODER = "frame-decoder";
    /** Outbound: puts the length prefix in front of each encoded payload. */
    public static final String FRAME_ENCODER = "frame-encoder";
    /** Inbound: a frame's payload to a {@link String}, refusing bytes that are not valid UTF-8. */
    public static final String TEXT_DECODER = "text-decoder";
    /** Outbound: a {@link String} to its UTF-8 bytes. */
    public static final String TEXT_ENCODER = "text-encoder";

    private static final FrameWriter FRAME_WRITER_HANDLER = new FrameWriter();
    private static final LengthFieldPrepender PREPENDER = new LengthFieldPrepender(Protocol.LENGTH_FIELD_BYTES);
    private static final StrictUtf8Decoder UTF8_DECODER = new StrictUtf8Decoder();
    private static final StringEncoder UTF8_ENCODER = new StringEncoder(StandardCharsets.UTF_8);

    private ChatFraming() {
    }

    /**
     * Adds the framing and text handlers at the end of {@code pipeline}. Order matters: inbound bytes are framed
     * before they are decoded as text, and outbound text is encoded before it is framed; the frame writer sits
     * nearest the socket so that a pre-encoded frame passes every encoder untouched.
     *
     * @param maxInboundPayloadBytes the largest payload accepted; a longer declared length fails at once
     */
    public static void install(ChannelPipeline pipeline, int maxInboundPayloadBytes) {
        pipeline.addLast(FRAME_WRITER, FRAME_WRITER_HANDLER);
        pipeline.addLast(FRAME_DECODER, new ChatFrameDecoder(maxInboundPayloadBytes));
        pipeline.addLast(FRAME_ENCODER, PREPENDER);
        pipeline.addLast(TEXT_DECODER, UTF8_DECODER);
        pipeline.addLast(TEXT_ENCODER, UTF8_ENCODER);
    }

    /**
     * Changes the inbound payload limit, for example from the small handshake limit to the full one. Bytes already
     * received but not yet framed are handed to the new decoder, so nothing is lost or read twice. Call on the
     * channel's event loop.
     */
    public static void setMaxInboundPayload(ChannelPipeline pipeline, int maxInboundPayloadBytes) {
        pipeline.replace(FRAME_DECODER, FRAME_DECODER, new ChatFrameDecoder(maxInboundPayloadBytes));
    }

    /**
     * Encodes text once into a complete frame, length prefix included, exactly as the pipeline would. Write the
     * result, or {@linkplain EncodedFrame#retainedDuplicate() duplicates} of it, to any number of channels.
     */
    public static EncodedFrame encode(ByteBufAllocator allocator, String text) {
        int payloadBytes = ByteBufUtil.utf8Bytes(text);
        ByteBuf frame = allocator.ioBuffer(Protocol.LENGTH_FIELD_BYTES + payloadBytes);
        frame.writeInt(payloadBytes);
        ByteBufUtil.reserveAndWriteUtf8(frame, text, payloadBytes);
        return new EncodedFrame(frame);
    }
}
