package dev.lanchat.server.netty;

import dev.lanchat.protocol.MessageCodec;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.netty.ChatFraming;
import dev.lanchat.protocol.netty.EncodedFrame;
import dev.lanchat.server.room.Audience;
import dev.lanchat.server.room.Connection;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.ChannelMatchers;
import io.netty.channel.group.DefaultChannelGroup;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

/**
 * A room's {@link Audience}: its members' channels, held in one {@link ChannelGroup} per event loop.
 *
 * <p>A broadcast is encoded once, on the chat thread, into one {@link EncodedFrame}; then each event loop that has
 * members gets one task that writes a retained duplicate of it to each of its channels. Writes therefore never cross
 * threads per recipient, and membership changes travel through the same task queues as broadcasts, so a member
 * receives exactly the broadcasts made between its add and its remove, in order.
 *
 * <p>Flushes are coalesced per group: the first write after a flush queues one flush task behind the broadcasts
 * already waiting, so a burst of broadcasts costs one flush (one {@code writev}) per channel rather than one per
 * message, while a lone message is flushed as soon as its loop gets to it.
 *
 * <p>Called on the chat thread; each shard's state is touched only on its own event loop.
 */
final class ChannelGroupAudience implements Audience {

    private final String roomName;
    private final ByteBufAllocator allocator;
    private final Map<EventLoop, Shard> shards = new IdentityHashMap<>();

    ChannelGroupAudience(String roomName, ByteBufAllocator allocator) {
        this.roomName = roomName;
        this.allocator = allocator;
    }

    @Override
    public void add(Connection connection) {
        Channel channel = ((ChannelConnection) connection).channel();
        Shard shard = shards.computeIfAbsent(channel.eventLoop(), loop -> new Shard(roomName, loop));
        shard.members++;
        shard.run(() -> shard.group.add(channel));
    }

    @Override
    public void remove(Connection connection) {
        Channel channel = ((ChannelConnection) connection).channel();
        Shard shard = shards.get(channel.eventLoop());
        if (shard != null) {
            shard.members--;
            shard.run(() -> shard.group.remove(channel));
        }
    }

    @Override
    public void broadcast(ServerMessage message) {
        EncodedFrame frame = ChatFraming.encode(allocator, MessageCodec.encode(message));
        try {
            for (Shard shard : shards.values()) {
                if (shard.members > 0) {
                    shard.deliver(frame.retain());
                }
            }
        } finally {
            frame.release();
        }
    }

    /** The channels of one event loop. Fields other than {@link #members} belong to that loop's thread. */
    private static final class Shard {
        final EventLoop loop;
        final ChannelGroup group;
        /** Members on this loop, as counted on the chat thread, so that idle loops get no tasks. */
        int members;
        private boolean flushQueued;
        private final Runnable flush = this::flush;

        Shard(String roomName, EventLoop loop) {
            this.loop = loop;
            this.group = new DefaultChannelGroup(roomName, loop);
        }

        /** Writes {@code frame}, whose reference this takes over, to every channel of the group. */
        void deliver(EncodedFrame frame) {
            try {
                loop.execute(() -> {
                    // The group writes a retained duplicate to each channel, then releases the frame itself.
                    group.write(frame, ChannelMatchers.all(), true);
                    if (!flushQueued) {
                        flushQueued = true;
                        loop.execute(flush);
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                frame.release();
            }
        }

        void run(Runnable task) {
            try {
                loop.execute(task);
            } catch (RejectedExecutionException shuttingDown) {
                // The loop is gone, and its channels with it.
            }
        }

        private void flush() {
            flushQueued = false;
            group.flush();
        }
    }
}
