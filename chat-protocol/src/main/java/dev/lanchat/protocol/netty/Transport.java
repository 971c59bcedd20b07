package dev.lanchat.protocol.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Locale;

/**
 * The socket transports Netty offers here: Linux's native epoll or io_uring, or Java's NIO, which works everywhere.
 * {@link #best()} picks epoll where it loads and NIO otherwise; io_uring is opt-in, since kernels and container
 * policies often disable it. Immutable.
 */
public enum Transport {
    NIO,
    EPOLL,
    IO_URING;

    /** The fastest transport that is certain to work on this machine. */
    public static Transport best() {
        return EPOLL.isAvailable() ? EPOLL : NIO;
    }

    /**
     * Parses a name as given on a command line: {@code auto}, {@code nio}, {@code epoll} or {@code io_uring}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Transport parse(String name) {
        String normal = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (normal.equals("auto")) {
            return best();
        }
        for (Transport transport : values()) {
            if (transport.name().toLowerCase(Locale.ROOT).equals(normal)) {
                return transport;
            }
        }
        throw new IllegalArgumentException("unknown transport '" + name + "'; use auto, nio, epoll or io_uring");
    }

    /** Whether the native library for this transport loaded on this machine. */
    public boolean isAvailable() {
        switch (this) {
            case EPOLL:
                return Epoll.isAvailable();
            case IO_URING:
                return IoUring.isAvailable();
            default:
                return true;
        }
    }

    /** Why this transport is not available, for an error message; {@code null} when it is. */
    public Throwable unavailabilityCause() {
        switch (this) {
            case EPOLL:
                return Epoll.unavailabilityCause();
            case IO_URING:
                return IoUring.unavailabilityCause();
            default:
                return null;
        }
    }

    /** A new event loop group of {@code threads} threads named after {@code name}; daemon threads. */
    public EventLoopGroup newGroup(int threads, String name) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), handlerFactory());
    }

    public Class<? extends ServerChannel> serverChannelClass() {
        switch (this) {
            case EPOLL:
                return EpollServerSocketChannel.class;
            case IO_URING:
                return IoUringServerSocketChannel.class;
            default:
                return NioServerSocketChannel.class;
        }
    }

    public Class<? extends SocketChannel> socketChannelClass() {
        switch (this) {
            case EPOLL:
                return EpollSocketChannel.class;
            case IO_URING:
                return IoUringSocketChannel.class;
            default:
                return NioSocketChannel.class;
        }
    }

    private IoHandlerFactory handlerFactory() {
        switch (this) {
            case EPOLL:
                return EpollIoHandler.newFactory();
            case IO_URING:
                return IoUringIoHandler.newFactory();
            default:
                return NioIoHandler.newFactory();
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
