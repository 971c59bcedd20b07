package dev.lanchat.server.netty;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits the server enforces on every connection. Every one is a default that a command-line flag changes; every
 * refusal names the limit it applied. Immutable; the constructor rejects values that make no sense, naming them.
 *
 * @param maxFrameBytes      largest frame payload a member may send
 * @param maxConnections     open connections in total
 * @param maxPerAddress      open connections from one remote address (loopback counts like any other)
 * @param maxHandshaking     connections at once that have not completed their handshake
 * @param handshakeTimeout   time a new connection has to complete its handshake
 * @param idleBeforePing     silence after which the server pings a member
 * @param pingTimeout        time a member has to answer that ping
 * @param sendQueueBytes     bytes queued for one member past which it is disconnected
 * @param unwritableTimeout  time a member may leave its queue above the high-water mark before it is disconnected
 * @param socketSendBuffer   the kernel's send buffer per connection, pinned so it cannot grow to megabytes
 * @param floodRate          messages per second a member may send, on average
 * @param floodBurst         messages a member may send at once before the rate applies
 */
public record ConnectionLimits(int maxFrameBytes, int maxConnections, int maxPerAddress, int maxHandshaking,
                               Duration handshakeTimeout, Duration idleBeforePing, Duration pingTimeout,
                               int sendQueueBytes, Duration unwritableTimeout, int socketSendBuffer,
                               double floodRate, int floodBurst) {

    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024;
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final int DEFAULT_MAX_PER_ADDRESS = 16;
    public static final int DEFAULT_MAX_HANDSHAKING = 512;
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_BEFORE_PING = Duration.ofSeconds(60);
    public static final Duration DEFAULT_PING_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_SEND_QUEUE_BYTES = 256 * 1024;
    public static final Duration DEFAULT_UNWRITABLE_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_SOCKET_SEND_BUFFER = 64 * 1024;
    public static final double DEFAULT_FLOOD_RATE = 10;
    public static final int DEFAULT_FLOOD_BURST = 20;

    /** The smallest frame limit that still lets a member send a useful line. */
    public static final int MIN_MAX_FRAME_BYTES = 256;
    /** The largest frame limit: a member's frame is buffered whole before it is read. */
    public static final int MAX_MAX_FRAME_BYTES = 1024 * 1024;

    /** Every limit at its default. */
    public static final ConnectionLimits DEFAULTS = new ConnectionLimits(DEFAULT_MAX_FRAME_BYTES,
            DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_PER_ADDRESS, DEFAULT_MAX_HANDSHAKING, DEFAULT_HANDSHAKE_TIMEOUT,
            DEFAULT_IDLE_BEFORE_PING, DEFAULT_PING_TIMEOUT, DEFAULT_SEND_QUEUE_BYTES, DEFAULT_UNWRITABLE_TIMEOUT,
            DEFAULT_SOCKET_SEND_BUFFER, DEFAULT_FLOOD_RATE, DEFAULT_FLOOD_BURST);

    public ConnectionLimits {
        between("max frame size", maxFrameBytes, MIN_MAX_FRAME_BYTES, MAX_MAX_FRAME_BYTES);
        between("max connections", maxConnections, 1, 1_000_000);
        between("max connections per address", maxPerAddress, 1, 1_000_000);
        between("max connections in handshake", maxHandshaking, 1, 1_000_000);
        positive("handshake timeout", handshakeTimeout);
        positive("idle time before a ping", idleBeforePing);
        positive("ping timeout", pingTimeout);
        between("send queue limit", sendQueueBytes, maxFrameBytes, Integer.MAX_VALUE);
        positive("unwritable timeout", unwritableTimeout);
        between("socket send buffer", socketSendBuffer, 4096, 64 * 1024 * 1024);
        if (!(floodRate > 0) || floodRate > 1_000_000_000) {
            throw new IllegalArgumentException("flood rate must be a positive number of messages per second: "
                    + floodRate);
        }
        between("flood burst", floodBurst, 1, 1_000_000_000);
    }

    public ConnectionLimits withMaxFrameBytes(int bytes) {
        return new ConnectionLimits(bytes, maxConnections, maxPerAddress, maxHandshaking, handshakeTimeout,
                idleBeforePing, pingTimeout, Math.max(sendQueueBytes, bytes), unwritableTimeout, socketSendBuffer,
                floodRate, floodBurst);
    }

    public ConnectionLimits withConnections(int total, int perAddress, int handshaking) {
        return new ConnectionLimits(maxFrameBytes, total, perAddress, handshaking, handshakeTimeout, idleBeforePing,
                pingTimeout, sendQueueBytes, unwritableTimeout, socketSendBuffer, floodRate, floodBurst);
    }

    public ConnectionLimits withTimeouts(Duration handshake, Duration idle, Duration ping, Duration unwritable) {
        return new ConnectionLimits(maxFrameBytes, maxConnections, maxPerAddress, maxHandshaking, handshake, idle,
                ping, sendQueueBytes, unwritable, socketSendBuffer, floodRate, floodBurst);
    }

    public ConnectionLimits withSendQueue(int queueBytes, int socketBufferBytes) {
        return new ConnectionLimits(maxFrameBytes, maxConnections, maxPerAddress, maxHandshaking, handshakeTimeout,
                idleBeforePing, pingTimeout, queueBytes, unwritableTimeout, socketBufferBytes, floodRate, floodBurst);
    }

    public ConnectionLimits withFlood(double rate, int burst) {
        return new ConnectionLimits(maxFrameBytes, maxConnections, maxPerAddress, maxHandshaking, handshakeTimeout,
                idleBeforePing, pingTimeout, sendQueueBytes, unwritableTimeout, socketSendBuffer, rate, burst);
    }

    private static void between(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ": " + value);
        }
    }

    private static void positive(String what, Duration value) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
    }
}
