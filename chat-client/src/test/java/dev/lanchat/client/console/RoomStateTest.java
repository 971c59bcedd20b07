package dev.lanchat.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.ServerMessage.MemberInfo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomStateTest {

    private static final Instant T = Instant.EPOCH;

    @Test
    void followsArrivalsDeparturesAndRenames() {
        RoomState state = new RoomState();
        state.apply(new ServerMessage.Welcome(1, "ada", "lobby", "", "lab", "", List.of(new MemberInfo("bob", T),
                new MemberInfo("ada", T)), List.of(), 2048, "token", false));
        state.apply(new ServerMessage.Joined("lobby", "cy", T));
        state.apply(new ServerMessage.Left("lobby", List.of("bob"), LeaveReason.QUIT, "", T));
        state.apply(new ServerMessage.NickChanged("ada", "adele", T));

        assertEquals("adele", state.nick());
        assertEquals("lobby", state.room());
        assertEquals(2048, state.maxFrameBytes());
        assertEquals(List.of("cy", "adele"), state.members());
        assertEquals("token", state.resumeToken());
    }

    @Test
    void tracksTheNewestAndOldestMessageOfTheCurrentRoom() {
        RoomState state = new RoomState();
        state.apply(new ServerMessage.Welcome(1, "ada", "lobby", "", "lab", "", List.of(), List.of(), 2048, "t",
                false));
        state.apply(new ServerMessage.History("lobby", List.of(new ServerMessage.Chat("lobby", 7, "bob", T, "a",
                false), new ServerMessage.Chat("lobby", 8, "bob", T, "b", false)), false, true));
        state.apply(new ServerMessage.Chat("lobby", 9, "bob", T, "c", false));
        assertEquals(9, state.lastSeenId());
        assertEquals(7, state.oldestShownId());

        state.apply(new ServerMessage.Entered("games", "fun", List.of()));
        assertEquals("games", state.room());
        assertEquals("fun", state.topic());
        assertEquals(0, state.lastSeenId(), "ids count per room");
        state.apply(new ServerMessage.Chat("lobby", 10, "bob", T, "elsewhere", false));
        assertEquals(0, state.lastSeenId());
    }
}
