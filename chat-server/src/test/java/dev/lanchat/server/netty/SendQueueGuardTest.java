package dev.lanchat.server.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bound on what one member may have queued; writes are left unflushed, so they stay queued. */
class SendQueueGuardTest {

    private static final int LIMIT = 16 * 1024;

    private final EmbeddedChannel channel = new EmbeddedChannel(new SendQueueGuard(
            ConnectionLimits.DEFAULTS.withSendQueue(LIMIT, ConnectionLimits.DEFAULT_SOCKET_SEND_BUFFER),
            new OffenceLog()));

    @AfterEach
    void release() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aBacklogUpToTheLimitIsKept() {
        for (int i = 0; i < 8; i++) {
            channel.write(frame(LIMIT / 8));
        }
        channel.runPendingTasks();

        assertTrue(channel.isOpen());
        assertTrue(channel.unsafe().outboundBuffer().totalPendingWriteBytes() >= LIMIT, "all are queued");
    }

    @Test
    void aWritePastTheLimitIsDroppedAndSoIsTheMember() {
        for (int i = 0; i < 9; i++) {
            channel.write(frame(LIMIT / 8));
        }
        ByteBuf tooMuch = frame(LIMIT / 8);
        channel.write(tooMuch);
        channel.runPendingTasks();

        assertEquals(0, tooMuch.refCnt(), "the refused frame is released");
        assertFalse(channel.isOpen());
    }

    @Test
    void aFrameLargerThanTheLimitGoesOutAndABacklogUpToTheLimitMayWaitBehindIt() {
        channel.write(frame(5 * LIMIT));
        channel.write(frame(LIMIT / 2));
        channel.runPendingTasks();
        assertTrue(channel.isOpen());

        channel.write(frame(LIMIT / 2 + 1));
        channel.runPendingTasks();
        assertFalse(channel.isOpen(), "more than the limit behind the large frame is a backlog past the limit");
    }

    private static ByteBuf frame(int bytes) {
        return Unpooled.buffer(bytes).writeZero(bytes);
    }
}
