package dev.lanchat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanchat.protocol.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"hello", "two\nlines", "tab\there", "émoji 👨‍👩‍👧 family", "مرحبا", "a\u200Cb"})
    void ordinaryTextIsKept(String text) throws RuleViolation {
        assertEquals(text, TextRules.checkMessage(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u001b[31mred", "bell\u0007", "nul\u0000", "del\u007f", "c1\u009b", "bidi\u202eevil",
        "isolate\u2066x", "bom\ufeff", "line\u2028sep"})
    void controlAndFormatCharactersAreRefused(String text) {
        RuleViolation e = assertThrows(RuleViolation.class, () -> TextRules.checkMessage(text));
        assertEquals(ErrorCode.BAD_TEXT, e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\n", "\t"})
    void blankTextIsRefused(String text) {
        assertEquals(ErrorCode.EMPTY_TEXT, assertThrows(RuleViolation.class, () -> TextRules.checkMessage(text)).code());
    }

    @Test
    void carriageReturnsBecomeNewlines() throws RuleViolation {
        assertEquals("a\nb\nc", TextRules.checkMessage("a\r\nb\rc"));
    }
}
