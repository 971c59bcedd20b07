package dev.lanchat.protocol.discovery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TxtRecordTest {

    /** TXT data made by hand: each string preceded by its length in one byte. */
    private static byte[] strings(String... texts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String text : texts) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length);
            out.write(bytes, 0, bytes.length);
        }
        return out.toByteArray();
    }

    @Test
    void encodesEachEntryAsALengthByteAndKeyEqualsValue() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("txtvers", "1");
        entries.put("room", "lobby");
        byte[] expected = {9, 't', 'x', 't', 'v', 'e', 'r', 's', '=', '1',
            10, 'r', 'o', 'o', 'm', '=', 'l', 'o', 'b', 'b', 'y'};
        assertArrayEquals(expected, TxtRecord.of(entries).encode());
    }

    @Test
    void anEmptyRecordIsOneZeroByte() {
        assertArrayEquals(new byte[] {0}, TxtRecord.of(Map.of()).encode());
        assertTrue(TxtRecord.decode(new byte[] {0}).entries().isEmpty());
    }

    @Test
    void aKeyWithoutAValueIsPresentWithNullValue() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("tls", null);
        TxtRecord record = TxtRecord.of(entries);
        assertArrayEquals(strings("tls"), record.encode());
        TxtRecord decoded = TxtRecord.decode(record.encode());
        assertTrue(decoded.has("tls"));
        assertNull(decoded.get("tls"));
    }

    @Test
    void valuesAreUtf8AndMayContainEquals() {
        TxtRecord record = TxtRecord.of(Map.of("name", "Café=Bar"));
        TxtRecord decoded = TxtRecord.decode(record.encode());
        assertEquals("Café=Bar", decoded.get("name"));
        assertEquals(1 + "name=Café=Bar".getBytes(StandardCharsets.UTF_8).length, record.encode().length);
    }

    @Test
    void keysAreCaseInsensitiveAndTheFirstOfARepeatedKeyWins() {
        TxtRecord decoded = TxtRecord.decode(strings("Members=3", "members=4"));
        assertEquals("3", decoded.get("MEMBERS"));
        assertEquals(Map.of("members", "3"), decoded.entries());
    }

    @Test
    void aTruncatedStringAndEmptyKeysAreDropped() {
        byte[] data = strings("", "=x", "room=a");
        byte[] truncated = java.util.Arrays.copyOf(data, data.length + 4);
        truncated[data.length] = 32; // says 32 bytes follow, but only 3 do
        truncated[data.length + 1] = 'c';
        truncated[data.length + 2] = 'u';
        truncated[data.length + 3] = 't';
        TxtRecord decoded = TxtRecord.decode(truncated);
        assertEquals(Map.of("room", "a"), decoded.entries());
    }

    @Test
    void refusesKeysThatCannotBeWritten() {
        assertThrows(IllegalArgumentException.class, () -> TxtRecord.of(Map.of("", "x")));
        assertThrows(IllegalArgumentException.class, () -> TxtRecord.of(Map.of("a=b", "x")));
        assertThrows(IllegalArgumentException.class, () -> TxtRecord.of(Map.of("clé", "x")));
        Map<String, String> twice = new LinkedHashMap<>();
        twice.put("room", "a");
        twice.put("ROOM", "b");
        assertThrows(IllegalArgumentException.class, () -> TxtRecord.of(twice));
    }

    @Test
    void refusesAnEntryLongerThan255Bytes() {
        assertThrows(IllegalArgumentException.class, () -> TxtRecord.of(Map.of("k", "x".repeat(254))));
        assertFalse(TxtRecord.of(Map.of("k", "x".repeat(253))).entries().isEmpty());
    }
}
