package dev.lanchat.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Why a member left, as carried by {@link ServerMessage.Left} and {@link ServerMessage.Bye}. Clients must show a
 * reason they do not know by its wire name rather than fail, since later servers may add reasons.
 */
public enum LeaveReason {
    /** The member asked to leave. */
    QUIT("quit", "quit"),
    /** The member moved to another room. */
    PART("part", "moved to another room"),
    /** The connection broke: the peer vanished, reset the connection, or the cable was pulled. */
    LOST("lost", "connection lost"),
    /** The member did not answer the server's ping in time. */
    TIMEOUT("timeout", "ping timeout"),
    /** The member did not read what the server sent, and its send queue passed the limit. */
    SEND_QUEUE("send-queue", "send queue exceeded"),
    /** The client broke the protocol and the server closed the connection. */
    ERROR("error", "protocol error"),
    /** A newer connection resumed the member's session; only the old connection's goodbye carries this. */
    REPLACED("replaced", "replaced by a newer connection"),
    /** An operator removed the member. */
    KICKED("kicked", "kicked"),
    /** The server is shutting down. */
    SHUTDOWN("shutdown", "server shutting down");

    private static final Map<String, LeaveReason> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(LeaveReason::wireName, Function.identity()));

    private final String wireName;
    private final String description;

    LeaveReason(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    public String wireName() {
        return wireName;
    }

    /** A few words for people, as in {@code ada left (connection lost)}. */
    public String description() {
        return description;
    }

    /** Human words for a wire name, falling back to the wire name itself for reasons this version does not know. */
    public static String describe(String wireName) {
        LeaveReason known = BY_WIRE_NAME.get(wireName);
        return known == null ? wireName : known.description;
    }

    /** The reason with this wire name, or {@code null} if this version does not know it. */
    public static LeaveReason fromWireName(String wireName) {
        return BY_WIRE_NAME.get(wireName);
    }
}
