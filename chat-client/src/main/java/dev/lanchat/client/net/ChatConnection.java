package dev.lanchat.client.net;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.netty.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * A client's connection to a chat server: it frames and encodes what is sent, and delivers what is read to a
 * {@link ConnectionListener}. It knows nothing about terminals. Thread-safe.
 */
public final class ChatConnection implements AutoCloseable {

    private final EventLoopGroup group;
    private final Channel channel;
    private final String tlsFingerprint;
    private final boolean pinnedNow;

    private ChatConnection(EventLoopGroup group, Channel channel, String tlsFingerprint, boolean pinnedNow) {
        this.group = group;
        this.channel = channel;
        this.tlsFingerprint = tlsFingerprint;
        this.pinnedNow = pinnedNow;
    }

    /** Connects to {@code host:port} in plain TCP. */
    public static ChatConnection open(String host, int port, Duration timeout, ConnectionListener listener)
            throws IOException, InterruptedException {
        return open(host, port, timeout, null, listener);
    }

    /**
     * Connects to {@code host:port}, over TLS if {@code tls} is given; returns once a TLS handshake is complete and
     * the server's certificate has matched its pinned fingerprint (or been pinned, on a first connection).
     *
     * @throws IOException with a sentence a person can act on if the server cannot be reached or trusted
     */
    public static ChatConnection open(String host, int port, Duration timeout, TlsPolicy tls,
                                      ConnectionListener listener) throws IOException, InterruptedException {
        Transport transport = Transport.best();
        EventLoopGroup group = transport.newGroup(1, "chat-net");
        String server = host + ":" + port;
        PinningTrustManager trust = tls == null ? null : new PinningTrustManager(server, tls.known(), tls.fingerprint());
        SslContext sslContext;
        try {
            sslContext = trust == null ? null : SslContextBuilder.forClient().trustManager(trust)
                    .protocols("TLSv1.3", "TLSv1.2").build();
        } catch (SSLException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.socketChannelClass())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(new ClientInitializer(sslContext, host, port, listener));
        ChannelFuture connected;
        try {
            InetSocketAddress address = new InetSocketAddress(host, port);
            if (address.isUnresolved()) {
                throw new UnknownHostException("cannot resolve host name '" + host + "'");
            }
            connected = bootstrap.connect(address).await();
        } catch (IOException | InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
        if (!connected.isSuccess()) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IOException(describe(host, port, connected.cause()), connected.cause());
        }
        Channel channel = connected.channel();
        if (trust == null) {
            return new ChatConnection(group, channel, null, false);
        }
        Future<Channel> handshake = channel.pipeline().get(SslHandler.class).handshakeFuture();
        if (!handshake.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || !handshake.isSuccess()) {
            String why = handshake.cause() == null ? "no TLS answer from " + server + " within "
                    + timeout.toSeconds() + " s; does the server use TLS?" : ClientHandler.describe(handshake.cause());
            channel.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IOException(why, handshake.cause());
        }
        if (trust.firstUse()) {
            tls.known().put(server, trust.seen());
        }
        return new ChatConnection(group, channel, trust.seen(), trust.firstUse());
    }

    /** The server's TLS certificate fingerprint, or {@code null} for a plain connection. */
    public String tlsFingerprint() {
        return tlsFingerprint;
    }

    /** Whether this connection pinned the server's fingerprint, being the first to this server. */
    public boolean pinnedNow() {
        return pinnedNow;
    }

    /** Queues {@code message} to the server. Messages are sent in the order of the calls. */
    public void send(ClientMessage message) {
        channel.writeAndFlush(message, channel.voidPromise());
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /** Waits up to {@code timeout} for the server to close the connection; returns whether it did. */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return channel.closeFuture().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes the connection and stops its thread; waits briefly for both. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }

    private static String describe(String host, int port, Throwable cause) {
        String where = host + ":" + port;
        if (cause instanceof ConnectTimeoutException) {
            return "no answer from " + where + " (is the address right, and is a firewall in the way?)";
        }
        if (cause instanceof ConnectException) {
            return "nothing is listening at " + where + " (is the server running, and on that port?)";
        }
        return "cannot connect to " + where + ": " + cause.getMessage();
    }
}
