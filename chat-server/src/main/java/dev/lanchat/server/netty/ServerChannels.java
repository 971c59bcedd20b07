package dev.lanchat.server.netty;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Small helpers about channels, shared by the handlers. */
final class ServerChannels {

    private ServerChannels() {
    }

    /** The peer's IP address; loopback for a channel without one, such as an embedded test channel. */
    static InetAddress remoteAddress(Channel channel) {
        SocketAddress remote = channel.remoteAddress();
        if (remote instanceof InetSocketAddress && ((InetSocketAddress) remote).getAddress() != null) {
            return ((InetSocketAddress) remote).getAddress();
        }
        return InetAddress.getLoopbackAddress();
    }

    /** The peer's address as {@code host:port}, without the slash and host name Java puts in front. */
    static String remoteText(Channel channel) {
        SocketAddress remote = channel.remoteAddress();
        if (remote instanceof InetSocketAddress) {
            InetSocketAddress inet = (InetSocketAddress) remote;
            String host = inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(remote);
    }
}
