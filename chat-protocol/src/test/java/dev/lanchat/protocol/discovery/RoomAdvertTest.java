package dev.lanchat.protocol.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoomAdvertTest {

    private static final RoomAdvert LAB = new RoomAdvert(1, "lab-pc", "lobby", 3, false, true);

    @Test
    void writesTheDocumentedKeysInOrder() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("txtvers", "1");
        expected.put("proto", "1");
        expected.put("name", "lab-pc");
        expected.put("room", "lobby");
        expected.put("members", "3");
        expected.put("tls", "0");
        expected.put("password", "1");
        assertEquals(new java.util.ArrayList<>(expected.entrySet()),
                new java.util.ArrayList<>(LAB.toTxt().entries().entrySet()));
    }

    @Test
    void readsBackWhatItWrites() {
        assertEquals(Optional.of(LAB), RoomAdvert.fromTxt(TxtRecord.decode(LAB.toTxt().encode())));
    }

    @Test
    void aRecordWithoutTxtversIsNotAnAdvert() {
        assertEquals(Optional.empty(), RoomAdvert.fromTxt(TxtRecord.of(Map.of("room", "lobby"))));
        assertEquals(Optional.empty(), RoomAdvert.fromTxt(TxtRecord.decode(new byte[] {0})));
    }

    @Test
    void missingOrMalformedValuesReadAsUnknownAndUnknownKeysAreIgnored() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("txtvers", "1");
        entries.put("members", "many");
        entries.put("proto", "-2");
        entries.put("colour", "blue");
        RoomAdvert advert = RoomAdvert.fromTxt(TxtRecord.of(entries)).orElseThrow();
        assertEquals(new RoomAdvert(RoomAdvert.UNKNOWN, "", "", RoomAdvert.UNKNOWN, false, false), advert);
    }

    @Test
    void aFlagIsSetByOneTrueYesOrTheBareKey() {
        for (String value : new String[] {"1", "true", "YES", null}) {
            Map<String, String> entries = new LinkedHashMap<>();
            entries.put("txtvers", "1");
            entries.put("tls", value);
            assertTrue(RoomAdvert.fromTxt(TxtRecord.of(entries)).orElseThrow().tls(), "tls=" + value);
        }
        Map<String, String> off = Map.of("txtvers", "1", "tls", "0", "password", "no");
        RoomAdvert advert = RoomAdvert.fromTxt(TxtRecord.of(off)).orElseThrow();
        assertFalse(advert.tls());
        assertFalse(advert.passwordRequired());
    }

    @Test
    void unknownNumbersAreLeftOut() {
        RoomAdvert vague = new RoomAdvert(RoomAdvert.UNKNOWN, "x", "y", RoomAdvert.UNKNOWN, false, false);
        assertFalse(vague.toTxt().has("members"));
        assertFalse(vague.toTxt().has("proto"));
    }

    @Test
    void aLongNameIsCutToFitATxtStringWithoutSplittingACharacter() {
        String name = "é".repeat(200);
        RoomAdvert advert = new RoomAdvert(1, name, "lobby", 0, false, false);
        String written = advert.toTxt().get("name");
        assertTrue(("name=" + written).getBytes(StandardCharsets.UTF_8).length <= TxtRecord.MAX_STRING_BYTES);
        assertEquals("é".repeat(125), written);
    }

    @Test
    void refusesImpossibleNumbers() {
        assertThrows(IllegalArgumentException.class, () -> new RoomAdvert(0, "a", "b", 0, false, false));
        assertThrows(IllegalArgumentException.class, () -> new RoomAdvert(1, "a", "b", -2, false, false));
    }
}
