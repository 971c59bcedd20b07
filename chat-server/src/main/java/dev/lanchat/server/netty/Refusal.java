package dev.lanchat.server.netty;

import dev.lanchat.protocol.MessageCodec;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.netty.ChatFraming;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.concurrent.TimeUnit;

/**
 * Sends a last error and closes, for a connection the server will not serve. The error is written as a complete
 * frame, so it works whatever handlers the pipeline has; a peer that does not read is cut off after a second.
 */
final class Refusal {

    /** How long a refused peer has to take its error before the connection is cut. */
    static final long LINGER_MILLIS = 1000;

    private Refusal() {
    }

    static void send(Channel channel, ServerMessage.Error error) {
        channel.writeAndFlush(ChatFraming.encode(channel.alloc(), MessageCodec.encode(error)).content())
                .addListener(ChannelFutureListener.CLOSE);
        closeSoon(channel);
    }

    /** Closes {@code channel} after {@link #LINGER_MILLIS} if it is still open then. */
    static void closeSoon(Channel channel) {
        channel.eventLoop().schedule(() -> channel.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
    }
}
