package dev.lanchat.server;

import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.netty.Transport;
import dev.lanchat.server.netty.ConnectionLimits;
import dev.lanchat.server.room.HubSettings;
import dev.lanchat.server.store.FileHistoryStore;
import java.net.InetSocketAddress;
import java.nio.file.Path;
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
 * @param ioThreads     event-loop threads for socket I/O
 * @param transport     socket transport (epoll, io_uring or NIO)
 * @param shutdownGrace how long a shutdown waits for goodbyes to be delivered before cutting connections
 * @param limits        what one connection may do and cost
 * @param tls           whether and how to serve TLS
 * @param password      the room password, or {@code null} for a room open to everyone on the network
 * @param dataDir       where the server keeps what must outlive it (room histories, its TLS identity, the key of
 *                      resume tokens), or {@code null} to keep nothing beyond the process
 * @param history       how much history rooms keep and show, and how often it is forced to disk
 * @param resumeGrace   how long a member whose connection dropped keeps its place for its resume token
 */
public record ServerConfig(InetSocketAddress listen, String serverName, String motd, String lobby, int ioThreads,
                           Transport transport, Duration shutdownGrace, ConnectionLimits limits, Tls tls,
                           String password, Path dataDir, History history, Duration resumeGrace) {

    public static final int DEFAULT_PORT = Protocol.DEFAULT_PORT;
    public static final String DEFAULT_LOBBY = "lobby";
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(3);
    public static final Duration DEFAULT_RESUME_GRACE = HubSettings.DEFAULT_RESUME_GRACE;

    /**
     * History settings.
     *
     * @param onJoin       messages shown on entering a room
     * @param max          messages a room keeps at most
     * @param maxAge       age past which messages are dropped; zero for none
     * @param syncInterval how often history is forced to disk: what a machine crash can lose at most
     */
    public record History(int onJoin, int max, Duration maxAge, Duration syncInterval) {
        public static final History DEFAULTS = new History(HubSettings.DEFAULT_HISTORY_ON_JOIN,
                HubSettings.DEFAULT_HISTORY_MAX, Duration.ZERO, FileHistoryStore.DEFAULT_SYNC_INTERVAL);

        public History {
            Objects.requireNonNull(maxAge, "maxAge");
            Objects.requireNonNull(syncInterval, "syncInterval");
            if (syncInterval.isNegative() || syncInterval.isZero() || syncInterval.toSeconds() > 3600) {
                throw new IllegalArgumentException("the sync interval must be between 1 ms and an hour: "
                        + syncInterval);
            }
        }
    }

    /**
     * TLS settings: off, on with a self-signed identity kept in the data directory, or on with a given PEM pair.
     *
     * @param certificate PEM certificate chain, or {@code null} for the self-signed identity
     * @param privateKey  PEM private key, given exactly when {@code certificate} is
     */
    public record Tls(boolean enabled, Path certificate, Path privateKey) {
        public static final Tls OFF = new Tls(false, null, null);
        public static final Tls SELF_SIGNED = new Tls(true, null, null);

        public Tls {
            if ((certificate == null) != (privateKey == null)) {
                throw new IllegalArgumentException("give both a certificate and its private key, or neither");
            }
            if (certificate != null && !enabled) {
                throw new IllegalArgumentException("a certificate was given but TLS is off");
            }
        }
    }

    public ServerConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(motd, "motd");
        Objects.requireNonNull(lobby, "lobby");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(resumeGrace, "resumeGrace");
        if (resumeGrace.isNegative()) {
            throw new IllegalArgumentException("resume grace must not be negative: " + resumeGrace);
        }
        // The domain's own checks, so that a bad combination is refused here, naming the value.
        new HubSettings(serverName, motd, lobby, limits.maxFrameBytes(), history.onJoin(), history.max(),
                history.maxAge(), resumeGrace);
        if (serverName.isBlank() || serverName.length() > 64) {
            throw new IllegalArgumentException("server name must be 1 to 64 characters: '" + serverName + "'");
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
        if (password != null && password.isEmpty()) {
            password = null;
        }
    }

    /**
     * A configuration with every default, listening on {@code listen} and keeping nothing on disk; tests and
     * embedders start from here.
     */
    public static ServerConfig defaults(InetSocketAddress listen) {
        return new ServerConfig(listen, "lanchat", "", DEFAULT_LOBBY,
                Math.max(1, Runtime.getRuntime().availableProcessors()), Transport.best(), DEFAULT_SHUTDOWN_GRACE,
                ConnectionLimits.DEFAULTS, Tls.OFF, null, null, History.DEFAULTS, DEFAULT_RESUME_GRACE);
    }

    /** The settings of the chat domain. */
    public HubSettings hubSettings() {
        return new HubSettings(serverName, motd, lobby, maxFrameBytes(), history.onJoin(), history.max(),
                history.maxAge(), resumeGrace);
    }

    /** {@code $XDG_DATA_HOME/lanchat}, or {@code ~/.local/share/lanchat}. */
    public static Path defaultDataDir() {
        String data = System.getenv("XDG_DATA_HOME");
        Path base = data != null && !data.isBlank()
                ? Path.of(data)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("lanchat");
    }

    public int maxFrameBytes() {
        return limits.maxFrameBytes();
    }

    public ServerConfig withServerName(String name) {
        return new ServerConfig(listen, name, motd, lobby, ioThreads, transport, shutdownGrace, limits, tls, password,
                dataDir, history, resumeGrace);
    }

    public ServerConfig withMotd(String text) {
        return new ServerConfig(listen, serverName, text, lobby, ioThreads, transport, shutdownGrace, limits, tls,
                password, dataDir, history, resumeGrace);
    }

    public ServerConfig withLimits(ConnectionLimits newLimits) {
        return new ServerConfig(listen, serverName, motd, lobby, ioThreads, transport, shutdownGrace, newLimits, tls,
                password, dataDir, history, resumeGrace);
    }

    /** @param newDataDir where to keep what outlives the process, or {@code null} for nowhere */
    public ServerConfig withSecurity(Tls newTls, String newPassword, Path newDataDir) {
        return new ServerConfig(listen, serverName, motd, lobby, ioThreads, transport, shutdownGrace, limits, newTls,
                newPassword, newDataDir, history, resumeGrace);
    }

    /** @param newDataDir where to keep room histories, or {@code null} to keep them in memory only */
    public ServerConfig withHistory(Path newDataDir, History newHistory, Duration newResumeGrace) {
        return new ServerConfig(listen, serverName, motd, lobby, ioThreads, transport, shutdownGrace, limits, tls,
                password, newDataDir, newHistory, newResumeGrace);
    }

    public ServerConfig withShutdownGrace(Duration grace) {
        return new ServerConfig(listen, serverName, motd, lobby, ioThreads, transport, grace, limits, tls, password,
                dataDir, history, resumeGrace);
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "ServerConfig[listen=" + listen + ", serverName=" + serverName + ", lobby=" + lobby + ", ioThreads="
                + ioThreads + ", transport=" + transport + ", limits=" + limits + ", tls=" + tls + ", password="
                + (password == null ? "none" : "***") + ", dataDir=" + dataDir + ", history=" + history
                + ", resumeGrace=" + resumeGrace + "]";
    }
}
