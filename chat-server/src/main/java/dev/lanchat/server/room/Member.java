package dev.lanchat.server.room;

import java.time.Instant;

/** A connection that completed the handshake: its nickname and its room. Confined to the chat thread. */
public final class Member {

    private final Connection connection;
    private Nickname nick;
    private Room room;
    private Instant inRoomSince;

    Member(Connection connection, Nickname nick) {
        this.connection = connection;
        this.nick = nick;
    }

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

    @Override
    public String toString() {
        return connection.label() + " " + nick;
    }
}
