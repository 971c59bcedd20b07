package dev.lanchat.server.room;

import dev.lanchat.protocol.ServerMessage;
import java.time.Instant;
import java.util.Objects;

/** A chat line as a room's history keeps it: its number in the room, when, from whom, and what. Immutable. */
public record StoredMessage(long id, Instant time, String from, String text, boolean action) {

    public StoredMessage {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
    }

    ServerMessage.Chat toChat(String room) {
        return new ServerMessage.Chat(room, id, from, time, text, action);
    }
}
