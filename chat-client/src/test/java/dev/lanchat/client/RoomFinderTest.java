package dev.lanchat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanchat.client.discovery.FoundRoom;
import dev.lanchat.protocol.discovery.RoomAdvert;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the client does about the rooms it found, decided without a network or a terminal. */
class RoomFinderTest {

    private static final FoundRoom LAB = new FoundRoom("lab-pc", "10.0.0.5", 7777,
            new RoomAdvert(1, "lab-pc", "lobby", 3, false, false));
    private static final FoundRoom OPS = new FoundRoom("ops", "10.0.0.9", 7778,
            new RoomAdvert(1, "ops", "ops", 1, false, true));

    @Test
    void theOnlyRoomFoundIsJoinedEvenWithAServerOnThisMachine() {
        assertEquals(new RoomFinder.Decision.JoinRoom(LAB), RoomFinder.decide(List.of(LAB), true));
    }

    @Test
    void severalRoomsAreOfferedToChooseFrom() {
        assertEquals(new RoomFinder.Decision.Choose(List.of(LAB, OPS)), RoomFinder.decide(List.of(LAB, OPS), true));
    }

    @Test
    void withNoRoomOnTheLanAServerOnThisMachineIsJoinedIfItAnswers() {
        assertEquals(new RoomFinder.Decision.JoinLocal(), RoomFinder.decide(List.of(), true));
        assertEquals(new RoomFinder.Decision.NoneFound(), RoomFinder.decide(List.of(), false));
    }

    @Test
    void aRoomIsDescribedByRoomServerAddressAndMembers() {
        assertEquals("'lobby' on lab-pc at 10.0.0.5:7777, 3 members", RoomFinder.describe(LAB));
        FoundRoom vague = new FoundRoom("x\u001b[2J", "10.0.0.1", 7777,
                new RoomAdvert(RoomAdvert.UNKNOWN, "", "", RoomAdvert.UNKNOWN, false, false));
        assertEquals("x^[[2J at 10.0.0.1:7777", RoomFinder.describe(vague));
    }

    @Test
    void browsingDefaultsToEveryLanInterfaceAndCanBeNarrowedToOneAddress() throws Exception {
        assertEquals(List.of(InetAddress.getByName("127.0.0.1")), RoomFinder.browseAddresses("127.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> RoomFinder.browseAddresses("no such host.invalid"));
    }
}
