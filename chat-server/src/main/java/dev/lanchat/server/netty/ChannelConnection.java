package dev.lanchat.server.netty;

import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.MessageCodec;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.netty.ChatFraming;
import dev.lanchat.server.room.Connection;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.AttributeKey;
import java.util.concurrent.RejectedExecutionException;

/**
 * A {@link Connection} over a Netty channel. It also remembers why the server closed the channel, if it did, so the
 * departure can be announced with the right reason when the channel goes inactive. Thread-safe: writes from other
 * threads are queued to the channel's event loop in call order.
 */
final class ChannelConnection implements Connection {

    static final AttributeKey<ChannelConnection> KEY = AttributeKey.valueOf(ChannelConnection.class, "connection");

    private final Channel channel;
    private final String label;
    private volatile LeaveReason closeReason = LeaveReason.LOST;

    ChannelConnection(Channel channel) {
        this.channel = channel;
        this.label = "[" + channel.id().asShortText() + " " + ServerChannels.remoteText(channel) + "]";
        channel.attr(KEY).set(this);
    }

    /** The connection of a channel set up by {@link ChatServerInitializer}. */
    static ChannelConnection of(Channel channel) {
        return channel.attr(KEY).get();
    }

    Channel channel() {
        return channel;
    }

    /**
     * Sends one message to this member alone, encoded into one frame (length prefix included) as a broadcast is, so
     * that the send-queue guard sees each frame whole rather than as a prefix and a payload. The encoding happens on
     * the channel's event loop, not on the chat thread that calls this: a welcome to a room of thousands is a large
     * JSON document, and the chat thread serves every room. The task queues behind what the chat thread already
     * gave this loop, so the order members see is kept.
     */
    @Override
    public void send(ServerMessage message) {
        if (channel.eventLoop().inEventLoop()) {
            write(message);
            return;
        }
        try {
            channel.eventLoop().execute(() -> write(message));
        } catch (RejectedExecutionException shuttingDown) {
            // The loops are stopping with the server; the channel closes with them.
        }
    }

    private void write(ServerMessage message) {
        channel.writeAndFlush(ChatFraming.encode(channel.alloc(), MessageCodec.encode(message)), channel.voidPromise());
    }

    @Override
    public void close(ServerMessage.Bye farewell) {
        LeaveReason reason = LeaveReason.fromWireName(farewell.reason());
        closeReason = reason == null ? LeaveReason.LOST : reason;
        channel.writeAndFlush(farewell).addListener(ChannelFutureListener.CLOSE);
    }

    /** Closes at once, without a farewell, for a reason to announce to the room. */
    void drop(LeaveReason reason) {
        closeReason = reason;
        channel.close();
    }

    /** Records why the channel is about to be closed, for the announcement. */
    void closingFor(LeaveReason reason) {
        closeReason = reason;
    }

    /** Why the channel closed: the reason given to {@link #close} or {@link #drop}, else that it was lost. */
    LeaveReason closeReason() {
        return closeReason;
    }

    @Override
    public String address() {
        return ServerChannels.remoteAddress(channel).getHostAddress();
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
