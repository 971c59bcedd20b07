package dev.lanchat.protocol;

/**
 * Constants of the wire protocol that both sides must agree on. {@code PROTOCOL.md} documents each of them; the
 * numbers here are the ones the code uses.
 */
public final class Protocol {

    /** The protocol version this code speaks; a client names it in {@link ClientMessage.Hello}. */
    public static final int VERSION = 1;

    /** TCP port a server listens on when none is given. */
    public static final int DEFAULT_PORT = 7777;

    /** Bytes of the big-endian length prefix in front of every frame. */
    public static final int LENGTH_FIELD_BYTES = 4;

    /** Default largest payload, in bytes, of a frame a client may send once its handshake is complete. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024;

    /**
     * Largest payload of a frame before the handshake completes. A hello is a few dozen bytes; keeping this small
     * means a stray HTTP request or TLS hello, whose first bytes read as a huge length, is refused at once.
     */
    public static final int HANDSHAKE_MAX_FRAME_BYTES = 512;

    /**
     * Largest payload a client accepts from a server. Server frames carry member lists and history, so they are
     * allowed to be much larger than what a client may send, but still bounded.
     */
    public static final int SERVER_MAX_FRAME_BYTES = 4 * 1024 * 1024;

    private Protocol() {
    }
}
