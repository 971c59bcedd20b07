package dev.lanchat.bench.net;

import dev.lanchat.protocol.ServerMessage;

/**
 * What a scenario does with what one {@link BenchClient} receives once it is a member. Every method is called on the
 * client's event loop, one at a time, so an implementation needs no locks for state of its own client; state shared
 * between clients (on several loops) must be thread-safe.
 */
public interface ClientListener {

    /**
     * A {@code msg} frame: {@code frame} holds its bytes and the positions of its {@code from} and {@code text}
     * values in them, valid only during the call.
     */
    void onChat(FrameScanner frame);

    /** A {@code join} or {@code leave} notice, whose content the load generator does not need. */
    default void onPresence(FrameScanner.Kind kind) {
    }

    /** Any other message, read by the full codec: errors, notices, a {@code msg} the scanner could not place. */
    default void onMessage(ServerMessage message) {
    }

    /** The end of one read from the socket: a good moment to flush what was written in reaction to it. */
    default void onReadComplete() {
    }

    /** The connection closed after the welcome; {@code problem} says why if it was not the client's doing. */
    default void onClosed(String problem) {
    }
}
