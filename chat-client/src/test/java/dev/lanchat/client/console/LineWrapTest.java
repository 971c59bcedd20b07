package dev.lanchat.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class LineWrapTest {

    private static List<String> wrap(String line, int width, int indent) {
        return LineWrap.hanging(new AttributedString(line), width, indent).stream().map(AttributedString::toString)
                .collect(Collectors.toList());
    }

    @Test
    void aLineThatFitsIsLeftAlone() {
        assertEquals(List.of("09:05 <bob> short"), wrap("09:05 <bob> short", 40, 12));
        assertEquals(List.of("x".repeat(100)), wrap("x".repeat(100), 0, 0), "no width, no wrapping");
    }

    @Test
    void wrapsBetweenWordsWithContinuationRowsUnderTheText() {
        assertEquals(List.of(
                "09:05 <bob> the quick brown fox jumps",
                "            over the lazy dog and runs",
                "            away"),
                wrap("09:05 <bob> the quick brown fox jumps over the lazy dog and runs away", 38, 12));
    }

    @Test
    void aWordLongerThanARowIsBrokenWhereTheRowEnds() {
        assertEquals(List.of(
                "09:05 <bob> see https://example.org/a/",
                "            very/long/path/that/does/n",
                "            ot/fit"),
                wrap("09:05 <bob> see https://example.org/a/very/long/path/that/does/not/fit", 38, 12));
    }

    @Test
    void thePrefixIsNeverLeftAloneOnItsRow() {
        List<String> rows = wrap("09:05 <bob> " + "y".repeat(40), 30, 12);
        assertEquals("09:05 <bob> " + "y".repeat(18), rows.get(0));
        assertEquals(" ".repeat(12) + "y".repeat(18), rows.get(1));
    }

    @Test
    void wideCharactersAndEmojiCountForTwoColumnsAndAreNeverSplit() {
        assertEquals(List.of(
                "09:05 <bob> 日本語のテキストと",
                "            ☕と😀がたくさんあ",
                "            ります"),
                wrap("09:05 <bob> 日本語のテキストと☕と😀がたくさんあります", 30, 12));
        assertEquals(List.of("09:05 <bob> " + "a".repeat(16), "            😀c"),
                wrap("09:05 <bob> " + "a".repeat(16) + "😀c", 29, 12),
                "an emoji that would straddle the edge goes to the next row");
    }

    @Test
    void aCombiningMarkStaysWithItsLetter() {
        List<String> rows = wrap("abcde\u0301fgh", 5, 0);
        assertEquals(List.of("abcde\u0301", "fgh"), rows);
    }

    @Test
    void onANarrowTerminalContinuationRowsStartAtTheLeftEdge() {
        List<String> rows = wrap("09:05 <somebody> words words words words", 20, 17);
        assertEquals("09:05 <somebody>", rows.get(0).substring(0, 16));
        assertTrue(rows.stream().skip(1).noneMatch(row -> row.startsWith(" ")), rows.toString());
        assertTrue(rows.stream().allMatch(row -> Columns.of(row) <= 20), rows.toString());
    }

    @Test
    void stylesSurviveTheBreak() {
        AttributedString line = new AttributedStringBuilder().append("09:05 ")
                .styled(AttributedStyle.BOLD, "bold words that go on and on").toAttributedString();
        List<AttributedString> rows = LineWrap.hanging(line, 20, 6);
        assertEquals(AttributedStyle.BOLD, rows.get(1).styleAt(rows.get(1).length() - 1));
    }
}
