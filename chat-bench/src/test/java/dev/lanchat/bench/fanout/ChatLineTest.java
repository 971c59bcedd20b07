package dev.lanchat.bench.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatLineTest {

    private final ChatLine.Header header = new ChatLine.Header();

    @ParameterizedTest
    @ValueSource(ints = {ChatLine.MIN_BYTES, 37, 64, 1000})
    void aLineHasExactlyTheAskedSizeAndReadsBack(int bytes) {
        String text = ChatLine.text(99_999, 4_000_000_000L, 999_999_999_999_999_999L, bytes);

        assertEquals(bytes, text.getBytes(StandardCharsets.UTF_8).length, text);
        assertTrue(parse(text));
        assertEquals(99_999, header.sender());
        assertEquals(4_000_000_000L, header.seq());
        assertEquals(999_999_999_999_999_999L, header.sentNanos());
    }

    @Test
    void aShortHeaderIsPaddedWithLetters() {
        String text = ChatLine.text(3, 0, 17, 64);

        assertTrue(text.startsWith("3 0 17 x"), text);
        assertEquals(64, text.length());
        assertTrue(parse(text));
        assertEquals(3, header.sender());
        assertEquals(0, header.seq());
        assertEquals(17, header.sentNanos());
    }

    @Test
    void readsAHeaderWithoutPadding() {
        assertTrue(parse("1 2 3"));
        assertEquals(3, header.sentNanos());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "1 2", "1 2 ", "1  2 3", " 1 2 3", "1 2 x", "a 2 3", "1 2 3x",
            "1 2 1234567890123456789", "99999999999 1 2"})
    void refusesTextThatIsNotABenchLine(String text) {
        assertFalse(parse(text), text);
    }

    @Test
    void readsFromTheMiddleOfAnArray() {
        byte[] bytes = "junk 5 6 7 xxx junk".getBytes(StandardCharsets.US_ASCII);

        assertTrue(ChatLine.parse(bytes, 5, 10, header));
        assertEquals(5, header.sender());
        assertEquals(7, header.sentNanos());
    }

    private boolean parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return ChatLine.parse(bytes, 0, bytes.length, header);
    }
}
