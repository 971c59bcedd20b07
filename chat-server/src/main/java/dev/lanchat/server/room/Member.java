package dev.lanchat.server.room;

import dev.lanchat.protocol.ServerMessage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A client that completed the handshake: its session, nickname and room. A member whose connection dropped is
 * <em>detached</em> for a grace period: it keeps its nickname and its place in its room, and a new connection with
 * its resume token takes it up again. Confined to the chat thread.
 */
public final class Member {

    /** Private messages held for a detached member, at most. */
    static final int MAX_HELD_PRIVATE = 100;

    private final String sessionId;
    private Connection connection;
    private Nickname nick;
    private Room room;
    private Instant inRoomSince;
    private boolean detached;
    private Scheduler.Cancellable expiry;
    private long historyCursor;
    private String away;
    private final Deque<ServerMessage> heldPrivate = new ArrayDeque<>();

    Member(String sessionId, Connection connection, Nickname nick) {
        this.sessionId = sessionId;
        this.connection = connection;
        this.nick = nick;
    }

    String sessionId() {
        return sessionId;
    }

    /** The member's connection; while detached, the one that dropped. */
    public Connection connection() {
        return connection;
    }

    public Nickname nick() {
        return nick;
    }

    void rename(Nickname newNick) {
        this.nick = newNick;
    }

    /** The room the member is in, or {@code null} before it enters one. */
    public Room room() {
        return room;
    }

    /** When the member entered its current room. */
    public Instant inRoomSince() {
        return inRoomSince;
    }

    void placeIn(Room newRoom, Instant since) {
        this.room = newRoom;
        this.inRoomSince = since;
    }

    /** Whether the member's connection dropped and its place is being held. */
    public boolean detached() {
        return detached;
    }

    void detach(Scheduler.Cancellable expiryTask) {
        detached = true;
        expiry = expiryTask;
    }

    /** Takes the member up on a new connection; returns the private messages held for it meanwhile. */
    List<ServerMessage> attach(Connection newConnection) {
        if (expiry != null) {
            expiry.cancel();
            expiry = null;
        }
        detached = false;
        connection = newConnection;
        List<ServerMessage> held = new ArrayList<>(heldPrivate);
        heldPrivate.clear();
        return held;
    }

    /** Sends to the member now, or holds a private message for it while it is detached. */
    void sendPrivate(ServerMessage message) {
        if (!detached) {
            connection.send(message);
        } else {
            if (heldPrivate.size() == MAX_HELD_PRIVATE) {
                heldPrivate.removeFirst();
            }
            heldPrivate.addLast(message);
        }
    }

    void cancelExpiry() {
        if (expiry != null) {
            expiry.cancel();
            expiry = null;
        }
    }

    /** The oldest message id of its room the member has been shown, for {@code /history}. */
    long historyCursor() {
        return historyCursor;
    }

    void historyCursor(long id) {
        this.historyCursor = id;
    }

    /** The member's away message, or {@code null} when it is not away. */
    public String away() {
        return away;
    }

    void away(String message) {
        this.away = message;
    }

    @Override
    public String toString() {
        return connection.label() + " " + nick;
    }
}
