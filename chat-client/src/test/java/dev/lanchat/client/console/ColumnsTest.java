package dev.lanchat.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ColumnsTest {

    @ParameterizedTest(name = "{0} takes {1} columns")
    @CsvSource({
        "hello, 5",
        "héllo, 5",           // precomposed
        "he\u0301llo, 5",     // e + combining acute: the mark takes no column
        "日本語, 6",
        "Ａｄａ, 6",           // fullwidth Latin
        "😀, 2",
        "☕, 2",              // U+2615: an emoji of the Basic Multilingual Plane, drawn two columns wide
        "✅ done, 7",
        "⚡, 2",
        "✓, 1",               // U+2713: text presentation, one column
        "👩\u200D💻, 4",       // a ZWJ sequence: two emoji and a joiner that takes nothing
        "a\tb, 2",            // a control character takes nothing; text is sanitized before it is shown
    })
    void countsDisplayColumns(String text, int columns) {
        assertEquals(columns, Columns.of(text));
    }

    @Test
    void hiddenCharactersTakeNoColumns() {
        AttributedString text = new AttributedString("abc", AttributedStyle.DEFAULT.hidden());
        assertEquals(0, Columns.of(text));
        assertEquals(3, Columns.of(new AttributedString("abc")));
    }
}
