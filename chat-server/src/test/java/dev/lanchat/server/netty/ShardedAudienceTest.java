package dev.lanchat.server.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.MessageCodec;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.netty.ChatFraming;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The room's fan-out on embedded channels: what each member's socket would be given, and when it is flushed. */
class ShardedAudienceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private final DeliveryBacklog backlog = new DeliveryBacklog();
    private final ShardedAudience audience = new ShardedAudience(ByteBufAllocator.DEFAULT, backlog);
    private final List<EmbeddedChannel> channels = new ArrayList<>();

    @AfterEach
    void closeChannels() {
        for (EmbeddedChannel channel : channels) {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void everyMemberGetsTheSameFrameTheCodecWouldWrite() {
        EmbeddedChannel ada = member();
        EmbeddedChannel bob = member();
        ServerMessage notice = new ServerMessage.Notice("hello", NOW);

        audience.broadcast(notice);
        runTasks();

        String expected = MessageCodec.encode(notice);
        assertEquals(expected, readFrame(ada));
        assertEquals(expected, readFrame(bob));
        assertNull(ada.readOutbound(), "one frame per broadcast");
        assertFalse(backlog.behind());
    }

    @Test
    void aRemovedOrClosedMemberGetsNothingMore() {
        EmbeddedChannel ada = member();
        EmbeddedChannel bob = member();
        EmbeddedChannel cid = member();
        audience.remove(new ChannelConnection(bob));
        cid.close();
        runTasks();

        audience.broadcast(new ServerMessage.Notice("after", NOW));
        runTasks();

        assertTrue(readFrame(ada).contains("after"));
        assertNull(bob.readOutbound());
        assertNull(cid.readOutbound());
    }

    // EmbeddedChannel runs its pending tasks inside every write, so batching is observed on a real event loop.

    @Test
    void aBurstArrivesInOrderWithOneFlush() throws Exception {
        List<String> written = burstOnARealLoop(10);

        assertEquals(11, written.size());
        for (int i = 0; i < 10; i++) {
            assertTrue(written.get(i).contains("\"line " + i + "\""), "frame " + i + " in order: " + written);
        }
        assertEquals("flush", written.get(10), "ten queued broadcasts share one flush");
    }

    @Test
    void aLongBacklogIsFlushedAtTheLimitWithoutWaitingForTheQueuedFlush() throws Exception {
        int limit = ShardedAudience.MAX_UNFLUSHED_WRITES;
        List<String> written = burstOnARealLoop(limit + 1);

        // The limit flushes at once; the flush queued behind the first broadcast then covers the one after it.
        assertEquals("flush", written.get(limit));
        assertTrue(written.get(limit + 1).contains("\"line " + limit + "\""));
        assertEquals("flush", written.get(limit + 2));
        assertEquals(limit + 3, written.size(), String.valueOf(written));
    }

    /**
     * Queues {@code count} broadcasts while the member's event loop is held busy, lets it go, and returns what
     * reached the socket end of the pipeline: each frame's text, and "flush" for each flush.
     */
    private List<String> burstOnARealLoop(int count) throws Exception {
        DefaultEventLoopGroup group = new DefaultEventLoopGroup(1);
        try {
            List<String> written = new CopyOnWriteArrayList<>();
            LocalChannel channel = new LocalChannel();
            channel.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
                @Override
                public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                    ByteBuf frame = (ByteBuf) msg;
                    written.add(frame.toString(4, frame.readableBytes() - 4, StandardCharsets.UTF_8));
                    frame.release();
                }

                @Override
                public void flush(ChannelHandlerContext ctx) {
                    written.add("flush");
                }
            });
            ChatFraming.install(channel.pipeline(), 1024);
            group.register(channel).sync();
            audience.add(new ChannelConnection(channel));

            CountDownLatch release = new CountDownLatch(1);
            channel.eventLoop().execute(() -> awaitQuietly(release));
            for (int i = 0; i < count; i++) {
                audience.broadcast(new ServerMessage.Notice("line " + i, NOW));
            }
            release.countDown();
            // Every task queued so far, the queued flush included, has run once this one does.
            channel.eventLoop().submit(() -> { }).get(10, TimeUnit.SECONDS);
            channel.close().sync();
            return List.copyOf(written);
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private EmbeddedChannel member() {
        EmbeddedChannel channel = new EmbeddedChannel();
        ChatFraming.install(channel.pipeline(), 1024);
        channels.add(channel);
        audience.add(new ChannelConnection(channel));
        channel.runPendingTasks();
        return channel;
    }

    private void runTasks() {
        for (EmbeddedChannel channel : channels) {
            channel.runPendingTasks();
        }
    }

    private static String readFrame(EmbeddedChannel channel) {
        ByteBuf frame = channel.readOutbound();
        try {
            int length = frame.readInt();
            assertEquals(frame.readableBytes(), length, "length prefix");
            return frame.toString(StandardCharsets.UTF_8);
        } finally {
            frame.release();
        }
    }
}
