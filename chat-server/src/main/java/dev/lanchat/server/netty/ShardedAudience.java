package dev.lanchat.server.netty;

import dev.lanchat.protocol.MessageCodec;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.netty.ChatFraming;
import dev.lanchat.protocol.netty.EncodedFrame;
import dev.lanchat.server.room.Audience;
import dev.lanchat.server.room.Connection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

/**
 * A room's {@link Audience}: its members' channels, split into one shard per event loop. It does the job of a
 * {@code ChannelGroup} per room, but writes the way a fan-out needs.
 *
 * <p>A broadcast is encoded once, on the chat thread, into one frame (length prefix included). Each event loop that
 * has members then gets one task, which writes a retained duplicate of that frame to each of its members. The write
 * starts at the member's {@link ChatFraming#FRAME_WRITER} handler, so it skips the message, text and length encoders
 * (the frame is already encoded) and only the handlers nearer the socket see it: the send-queue guard, which still
 * bounds what a slow reader may hold, and TLS when it is on. Compared with {@code ChannelGroup.write}, which starts
 * every write at the pipeline's tail and, called from another thread, posts one task per recipient, this measured
 * about 1.6 times the deliveries per second (see the README's "Performance" section).
 *
 * <p>Membership changes travel through the same task queues as broadcasts, so a member receives exactly the
 * broadcasts made between its add and its remove, in order. A channel that closes leaves its shard by itself.
 *
 * <p>Flushes are coalesced per shard: the first write after a flush queues one flush task behind the broadcasts
 * already waiting, so a burst of broadcasts costs one flush (one {@code writev}) per channel rather than one per
 * message, while a lone message is flushed as soon as its loop gets to it. After {@value #MAX_UNFLUSHED_WRITES}
 * broadcasts the flush happens at once, so that a long backlog of tasks cannot hold every byte back. Queued
 * broadcast tasks are counted in the {@link DeliveryBacklog}, which slows senders down when the loops fall behind.
 *
 * <p>The public methods are called on the chat thread only; each shard's member array is touched only on its own
 * event loop.
 */
final class ShardedAudience implements Audience {

    static final int MAX_UNFLUSHED_WRITES = 64;

    private final ByteBufAllocator allocator;
    private final DeliveryBacklog backlog;
    private final Map<EventLoop, Shard> shards = new IdentityHashMap<>();

    ShardedAudience(ByteBufAllocator allocator, DeliveryBacklog backlog) {
        this.allocator = allocator;
        this.backlog = backlog;
    }

    @Override
    public void add(Connection connection) {
        Channel channel = ((ChannelConnection) connection).channel();
        Shard shard = shards.computeIfAbsent(channel.eventLoop(), loop -> new Shard(loop, backlog));
        shard.members++;
        shard.run(() -> shard.add(channel));
    }

    @Override
    public void remove(Connection connection) {
        Channel channel = ((ChannelConnection) connection).channel();
        Shard shard = shards.get(channel.eventLoop());
        if (shard != null) {
            shard.members--;
            shard.run(() -> shard.remove(channel));
        }
    }

    @Override
    public void broadcast(ServerMessage message) {
        EncodedFrame frame = ChatFraming.encode(allocator, MessageCodec.encode(message));
        try {
            for (Shard shard : shards.values()) {
                if (shard.members > 0) {
                    shard.deliver(frame.content().retain());
                }
            }
        } finally {
            frame.release();
        }
    }

    /** The members on one event loop. {@link #members} belongs to the chat thread, everything else to the loop. */
    private static final class Shard {
        private final EventLoop loop;
        private final DeliveryBacklog backlog;
        /** Members as the chat thread counts them, so that a broadcast skips a loop with nobody to write to. */
        int members;
        private ChannelHandlerContext[] writers = new ChannelHandlerContext[8];
        private int size;
        private final Map<Channel, Integer> slots = new IdentityHashMap<>();
        private boolean flushQueued;
        private int unflushed;
        private final Runnable queuedFlush = () -> {
            flushQueued = false;
            flush();
        };

        Shard(EventLoop loop, DeliveryBacklog backlog) {
            this.loop = loop;
            this.backlog = backlog;
        }

        void add(Channel channel) {
            ChannelHandlerContext writer = channel.pipeline().context(ChatFraming.FRAME_WRITER);
            if (writer == null || !channel.isOpen() || slots.containsKey(channel)) {
                return;
            }
            if (size == writers.length) {
                writers = Arrays.copyOf(writers, size * 2);
            }
            slots.put(channel, size);
            writers[size++] = writer;
            channel.closeFuture().addListener(closed -> remove(channel));
        }

        /** Swap-removes, so the array stays dense; order among members does not matter. */
        void remove(Channel channel) {
            Integer slot = slots.remove(channel);
            if (slot == null) {
                return;
            }
            ChannelHandlerContext last = writers[--size];
            writers[size] = null;
            if (slot < size) {
                writers[slot] = last;
                slots.put(last.channel(), slot);
            }
        }

        /** Takes ownership of one reference to {@code frame}. */
        void deliver(ByteBuf frame) {
            backlog.queued();
            try {
                loop.execute(() -> {
                    try {
                        writeToAll(frame);
                    } finally {
                        frame.release();
                        backlog.ran();
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                backlog.ran();
                frame.release();
            }
        }

        private void writeToAll(ByteBuf frame) {
            for (int i = 0; i < size; i++) {
                ChannelHandlerContext writer = writers[i];
                writer.write(frame.retainedDuplicate(), writer.voidPromise());
            }
            if (++unflushed >= MAX_UNFLUSHED_WRITES) {
                flush();
            } else if (!flushQueued) {
                flushQueued = true;
                loop.execute(queuedFlush);
            }
        }

        void run(Runnable task) {
            try {
                loop.execute(task);
            } catch (RejectedExecutionException shuttingDown) {
                // The loops are stopping with the server; the channel closes with them.
            }
        }

        /** Flushes every member; a flush task already queued stays queued and covers the writes after this one. */
        private void flush() {
            unflushed = 0;
            for (int i = 0; i < size; i++) {
                writers[i].flush();
            }
        }
    }
}
