package dev.lanchat.client;

import dev.lanchat.protocol.Protocol;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the client is told at start-up. Built once in {@link ClientMain} and handed down; the constructor
 * validates and names a bad value. Immutable.
 *
 * @param host           server host name or address
 * @param port           server port
 * @param nick           the nickname to ask for, or {@code null} to ask the user
 * @param plain          force line mode (no line editor, no colours) even on a terminal
 * @param color          use colours on a terminal
 * @param historyFile    where typed lines are kept between runs, or {@code null} for none
 * @param connectTimeout how long to wait for the server to answer a connection attempt
 * @param tls            connect over TLS
 * @param fingerprint    the server certificate's fingerprint, if the user gave it; else trust on first use
 * @param knownServers   where pinned server fingerprints are kept
 * @param password       the room password, or {@code null} to ask for one if the room needs it
 * @param reconnect      after a lost connection, reconnect and resume rather than exit
 * @param settingsFile   where the client's own settings (ignored nicks, the bell) are kept between runs, or
 *                       {@code null} to keep them for this run only
 */
public record ClientConfig(String host, int port, String nick, boolean plain, boolean color, Path historyFile,
                           Duration connectTimeout, boolean tls, String fingerprint, Path knownServers,
                           String password, boolean reconnect, Path settingsFile) {

    public static final String DEFAULT_HOST = "localhost";
    public static final int DEFAULT_PORT = Protocol.DEFAULT_PORT;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long to wait for the server to answer a hello. */
    public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    /** How long to wait, after asking to quit, for the server to close the connection. */
    public static final Duration QUIT_TIMEOUT = Duration.ofSeconds(3);

    public ClientConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535: " + port);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive: " + connectTimeout);
        }
        Objects.requireNonNull(knownServers, "knownServers");
        if (fingerprint != null && !tls) {
            throw new IllegalArgumentException("a fingerprint only makes sense with TLS");
        }
    }

    public ClientConfig withReconnect(boolean newReconnect) {
        return new ClientConfig(host, port, nick, plain, color, historyFile, connectTimeout, tls, fingerprint,
                knownServers, password, newReconnect, settingsFile);
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "ClientConfig[host=" + host + ", port=" + port + ", nick=" + nick + ", tls=" + tls + ", password="
                + (password == null ? "none" : "***") + "]";
    }
}
