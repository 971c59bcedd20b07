package dev.lanchat.protocol.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * A complete frame, length prefix included, encoded once by {@link ChatFraming#encode} so that a broadcast can hand
 * every recipient a retained duplicate of the same bytes instead of encoding per recipient. Being a holder rather
 * than a bare {@link ByteBuf}, it passes the pipeline's encoders untouched and is unwrapped nearest the socket.
 */
public final class EncodedFrame extends DefaultByteBufHolder {

    EncodedFrame(ByteBuf frame) {
        super(frame);
    }

    @Override
    public EncodedFrame replace(ByteBuf content) {
        return new EncodedFrame(content);
    }

    @Override
    public EncodedFrame retainedDuplicate() {
        return replace(content().retainedDuplicate());
    }

    @Override
    public EncodedFrame retain() {
        super.retain();
        return this;
    }
}
