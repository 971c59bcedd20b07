package dev.lanchat.server.room;

import java.time.Duration;
import java.util.Objects;

/**
 * What the chat domain needs from the server's configuration. Immutable; the constructor names a bad value.
 *
 * @param serverName      shown to clients in the welcome
 * @param motd            message of the day, shown after the welcome; may be empty
 * @param lobby           the room every member enters first
 * @param maxFrameBytes   largest frame payload a client may send, told to clients so they refuse longer text locally
 * @param historyOnJoin   messages of history a member is shown on entering a room
 * @param historyMax      messages a room keeps at most; older ones are dropped
 * @param historyMaxAge   age past which messages are dropped; zero for no age limit
 * @param resumeGrace     how long a member whose connection dropped keeps its place for its resume token; zero to
 *                        announce departures at once
 */
public record HubSettings(String serverName, String motd, String lobby, int maxFrameBytes, int historyOnJoin,
                          int historyMax, Duration historyMaxAge, Duration resumeGrace) {

    public static final int DEFAULT_HISTORY_ON_JOIN = 50;
    public static final int DEFAULT_HISTORY_MAX = 10_000;
    public static final Duration DEFAULT_RESUME_GRACE = Duration.ofSeconds(60);
    /** Most messages one {@code /history} page holds. */
    public static final int MAX_HISTORY_PAGE = 200;

    public HubSettings {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(motd, "motd");
        Objects.requireNonNull(lobby, "lobby");
        Objects.requireNonNull(historyMaxAge, "historyMaxAge");
        Objects.requireNonNull(resumeGrace, "resumeGrace");
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("maxFrameBytes must be positive: " + maxFrameBytes);
        }
        if (historyOnJoin < 0 || historyOnJoin > MAX_HISTORY_PAGE) {
            throw new IllegalArgumentException("history shown on joining must be between 0 and " + MAX_HISTORY_PAGE
                    + " messages: " + historyOnJoin);
        }
        if (historyMax < historyOnJoin || historyMax > 1_000_000) {
            throw new IllegalArgumentException("history kept per room must be between " + historyOnJoin
                    + " and 1000000 messages: " + historyMax);
        }
        if (historyMaxAge.isNegative() || resumeGrace.isNegative()) {
            throw new IllegalArgumentException("history age and resume grace must not be negative");
        }
        try {
            RoomName.of(lobby);
        } catch (RuleViolation e) {
            throw new IllegalArgumentException("the lobby's name is not a valid room name: " + e.getMessage());
        }
    }

    /** Settings with every default but the names and the frame limit. */
    public static HubSettings of(String serverName, String motd, String lobby, int maxFrameBytes) {
        return new HubSettings(serverName, motd, lobby, maxFrameBytes, DEFAULT_HISTORY_ON_JOIN, DEFAULT_HISTORY_MAX,
                Duration.ZERO, DEFAULT_RESUME_GRACE);
    }

    public HubSettings withResumeGrace(Duration grace) {
        return new HubSettings(serverName, motd, lobby, maxFrameBytes, historyOnJoin, historyMax, historyMaxAge, grace);
    }

    public HubSettings withHistory(int onJoin, int max, Duration maxAge) {
        return new HubSettings(serverName, motd, lobby, maxFrameBytes, onJoin, max, maxAge, resumeGrace);
    }
}
