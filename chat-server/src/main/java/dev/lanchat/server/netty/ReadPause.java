package dev.lanchat.server.netty;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * Several reasons may each want a channel to stop reading: a hello being decided, a member over its message rate,
 * a server behind on its deliveries. Each pauses and resumes on its own; the channel reads only when none holds it.
 * Call on the channel's event loop.
 */
final class ReadPause {

    /** The handshake is waiting for the chat thread's answer. */
    static final int HANDSHAKE = 1;
    /** The member is over its message rate. */
    static final int FLOOD = 1 << 1;
    /** The server is behind on delivering broadcasts. */
    static final int BACKLOG = 1 << 2;
    /** The connection is closing after a protocol violation. */
    static final int CLOSING = 1 << 3;

    private static final AttributeKey<Integer> HELD = AttributeKey.valueOf(ReadPause.class, "held");

    private ReadPause() {
    }

    static void pause(Channel channel, int reason) {
        Integer held = channel.attr(HELD).get();
        int now = (held == null ? 0 : held) | reason;
        channel.attr(HELD).set(now);
        channel.config().setAutoRead(false);
    }

    static void resume(Channel channel, int reason) {
        Integer held = channel.attr(HELD).get();
        int now = (held == null ? 0 : held) & ~reason;
        channel.attr(HELD).set(now);
        if (now == 0) {
            channel.config().setAutoRead(true);
        }
    }

    static boolean paused(Channel channel, int reason) {
        Integer held = channel.attr(HELD).get();
        return held != null && (held & reason) != 0;
    }
}
