package dev.lanchat.server.netty;

import dev.lanchat.protocol.MessageCodec;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.netty.ChatFraming;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.TimeUnit;

/**
 * Sends a last error and closes, for a connection the server will not serve. The error is written as a complete
 * frame from the refusing handler's own context, so it reaches the socket past no encoder (which would frame it a
 * second time) and past no TLS; a peer that does not read it is cut off after a second.
 */
final class Refusal {

    /** How long a refused peer has to take its error before the connection is cut. */
    static final long LINGER_MILLIS = 1000;

    private Refusal() {
    }

    /** @param refusing the context of a handler nearest the socket, whose writes go straight to it */
    static void send(ChannelHandlerContext refusing, ServerMessage.Error error) {
        refusing.writeAndFlush(ChatFraming.encode(refusing.alloc(), MessageCodec.encode(error)).content())
                .addListener(ChannelFutureListener.CLOSE);
        closeSoon(refusing.channel());
    }

    /** Closes {@code channel} after {@link #LINGER_MILLIS} if it is still open then. */
    static void closeSoon(Channel channel) {
        channel.eventLoop().schedule(() -> channel.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
    }
}
