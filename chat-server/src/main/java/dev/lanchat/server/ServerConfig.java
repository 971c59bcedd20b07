package dev.lanchat.server;

import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.netty.Transport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the server is told at start-up. Built once in {@link ServerMain} from the command line and handed
 * down; the constructor validates every value and names the bad one. Immutable.
 *
 * @param listen        address and port to accept connections on; a wildcard address means every interface
 * @param serverName    name shown to clients in their welcome
 * @param motd          message of the day shown on joining; may be empty
 * @param lobby         the room every member enters first
 * @param maxFrameBytes largest frame payload a client may send once joined
 * @param ioThreads     event-loop threads for socket I/O
 * @param transport     socket transport (epoll, io_uring or NIO)
 * @param shutdownGrace how long a shutdown waits for goodbyes to be delivered before cutting connections
 */
public record ServerConfig(InetSocketAddress listen, String serverName, String motd, String lobby, int maxFrameBytes,
                           int ioThreads, Transport transport, Duration shutdownGrace) {

    public static final int DEFAULT_PORT = Protocol.DEFAULT_PORT;
    public static final String DEFAULT_LOBBY = "lobby";
    public static final int DEFAULT_MAX_FRAME_BYTES = Protocol.DEFAULT_MAX_FRAME_BYTES;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(4);
    /** The smallest frame limit that still lets a member send a useful line. */
    public static final int MIN_MAX_FRAME_BYTES = 256;
    /** The largest frame limit: a client's frame is buffered whole before it is read. */
    public static final int MAX_MAX_FRAME_BYTES = 1024 * 1024;

    public ServerConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(motd, "motd");
        Objects.requireNonNull(lobby, "lobby");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (serverName.isBlank() || serverName.length() > 64) {
            throw new IllegalArgumentException("server name must be 1 to 64 characters: '" + serverName + "'");
        }
        if (maxFrameBytes < MIN_MAX_FRAME_BYTES || maxFrameBytes > MAX_MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("max frame size must be between " + MIN_MAX_FRAME_BYTES + " and "
                    + MAX_MAX_FRAME_BYTES + " bytes: " + maxFrameBytes);
        }
        if (ioThreads < 1 || ioThreads > 256) {
            throw new IllegalArgumentException("I/O threads must be between 1 and 256: " + ioThreads);
        }
        if (!transport.isAvailable()) {
            throw new IllegalArgumentException("transport " + transport + " is not available here: "
                    + transport.unavailabilityCause());
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdown grace must not be negative: " + shutdownGrace);
        }
    }

    /** A configuration with every default, listening on {@code listen}; tests and embedders start from here. */
    public static ServerConfig defaults(InetSocketAddress listen) {
        return new ServerConfig(listen, "lanchat", "", DEFAULT_LOBBY, DEFAULT_MAX_FRAME_BYTES,
                Math.max(1, Runtime.getRuntime().availableProcessors()), Transport.best(), DEFAULT_SHUTDOWN_GRACE);
    }

    public ServerConfig withServerName(String name) {
        return new ServerConfig(listen, name, motd, lobby, maxFrameBytes, ioThreads, transport, shutdownGrace);
    }

    public ServerConfig withMotd(String text) {
        return new ServerConfig(listen, serverName, text, lobby, maxFrameBytes, ioThreads, transport, shutdownGrace);
    }

    public ServerConfig withMaxFrameBytes(int bytes) {
        return new ServerConfig(listen, serverName, motd, lobby, bytes, ioThreads, transport, shutdownGrace);
    }

    public ServerConfig withTransport(Transport newTransport) {
        return new ServerConfig(listen, serverName, motd, lobby, maxFrameBytes, ioThreads, newTransport, shutdownGrace);
    }
}
