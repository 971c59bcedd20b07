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
 * message, while a lone message is flushed as soon as its loop gets to it. After {@value #MAX_UNFLUSHED_WRITES}
 * writes the flush happens at once, so that a long backlog of tasks cannot hold every byte back. Queued broadcast
 * tasks are counted in the {@link DeliveryBacklog}, which slows senders down when the loops fall behind.
 *
 * <p>Called on the chat thread; each shard's state is touched only on its own event loop.
 */
final class ChannelGroupAudience implements Audience {

    /** Writes to a group before its flush is forced, so a long backlog cannot hold back every byte. */
    static final int MAX_UNFLUSHED_WRITES = 64;

    private final String roomName;
    private final ByteBufAllocator allocator;
    private final DeliveryBacklog backlog;
    private final Map<EventLoop, Shard> shards = new IdentityHashMap<>();

    ChannelGroupAudience(String roomName, ByteBufAllocator allocator, DeliveryBacklog backlog) {
        this.roomName = roomName;
        this.allocator = allocator;
        this.backlog = backlog;
    }

    @Override
    public void add(Connection connection) {
        Channel channel = ((ChannelConnection) connection).channel();
        Shard shard = shards.computeIfAbsent(channel.eventLoop(), loop -> new Shard(roomName, loop, backlog));
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
        private final DeliveryBacklog backlog;
        /** Members on this loop, as counted on the chat thread, so that idle loops get no tasks. */
        int members;
        private boolean flushQueued;
        private int unflushed;
        private final Runnable flush = this::flush;

        Shard(String roomName, EventLoop loop, DeliveryBacklog backlog) {
            this.loop = loop;
            this.group = new DefaultChannelGroup(roomName, loop);
            this.backlog = backlog;
        }

        /** Writes {@code frame}, whose reference this takes over, to every channel of the group. */
        void deliver(EncodedFrame frame) {
            backlog.queued();
            try {
                loop.execute(() -> {
                    try {
                        // The group writes a retained duplicate to each channel, then releases the frame itself.
                        group.write(frame, ChannelMatchers.all(), true);
                        if (++unflushed >= MAX_UNFLUSHED_WRITES) {
                            flush();
                        } else if (!flushQueued) {
                            flushQueued = true;
                            loop.execute(flush);
                        }
                    } finally {
                        backlog.ran();
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                backlog.ran();
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
            unflushed = 0;
            group.flush();
        }
    }
}
