package dev.lanchat.protocol.netty;

import io.netty.handler.codec.TooLongFrameException;

/** A frame whose declared payload length is over the limit; it carries both numbers for the error message. */
public final class FrameTooLongException extends TooLongFrameException {

    private static final long serialVersionUID = 1L;

    private final long declaredBytes;
    private final int limitBytes;

    public FrameTooLongException(long declaredBytes, int limitBytes) {
        super("frame of " + declaredBytes + " bytes exceeds the limit of " + limitBytes + " bytes");
        this.declaredBytes = declaredBytes;
        this.limitBytes = limitBytes;
    }

    public long declaredBytes() {
        return declaredBytes;
    }

    public int limitBytes() {
        return limitBytes;
    }
}
