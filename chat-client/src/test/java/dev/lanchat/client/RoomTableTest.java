package dev.lanchat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanchat.client.discovery.FoundRoom;
import dev.lanchat.protocol.discovery.RoomAdvert;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomTableTest {

    private static final FoundRoom LAB = new FoundRoom("lab-pc", "10.0.0.5", 7777,
            new RoomAdvert(1, "lab-pc", "lobby", 3, false, false));
    private static final FoundRoom ATTIC = new FoundRoom("attic (2)", "10.0.0.17", 9000,
            new RoomAdvert(1, "attic", "games", 1, true, true));

    @Test
    void rowsAreAlignedAndSayWhatARoomRequires() {
        assertEquals(List.of(
                "lab-pc     10.0.0.5:7777   lobby  3 members",
                "attic (2)  10.0.0.17:9000  games  1 member   TLS, password"), RoomTable.rows(List.of(LAB, ATTIC)));
    }

    @Test
    void theTableHasAHeader() {
        assertEquals(List.of(
                "NAME    ADDRESS        ROOM   MEMBERS  REQUIRES",
                "lab-pc  10.0.0.5:7777  lobby  3"), RoomTable.withHeader(List.of(LAB)));
    }

    @Test
    void jsonIsOneObjectOnOneLine() {
        assertEquals("{\"name\":\"attic (2)\",\"host\":\"10.0.0.17\",\"port\":9000,\"server\":\"attic\","
                + "\"room\":\"games\",\"members\":1,\"protocol\":1,\"tls\":true,\"password\":true}",
                RoomTable.json(ATTIC));
    }

    @Test
    void unknownNumbersAreNullInJsonAndAQuestionMarkInText() {
        FoundRoom vague = new FoundRoom("old", "10.0.0.2", 7777,
                new RoomAdvert(RoomAdvert.UNKNOWN, "old", "lobby", RoomAdvert.UNKNOWN, false, false));
        assertEquals("{\"name\":\"old\",\"host\":\"10.0.0.2\",\"port\":7777,\"server\":\"old\",\"room\":\"lobby\","
                + "\"members\":null,\"protocol\":null,\"tls\":false,\"password\":false}", RoomTable.json(vague));
        assertEquals(List.of("old  10.0.0.2:7777  lobby  ? members"), RoomTable.rows(List.of(vague)));
    }

    @Test
    void controlCharactersInNamesAreShownHarmlessly() {
        FoundRoom evil = new FoundRoom("a\u001b[31mb", "10.0.0.3", 7777,
                new RoomAdvert(1, "x", "r\u0007", 0, false, false));
        assertEquals(List.of("a^[[31mb  10.0.0.3:7777  r^G  0 members"), RoomTable.rows(List.of(evil)));
    }
}
