package dev.lanchat.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SanitizerTest {

    @Test
    void plainTextIsReturnedAsItIs() {
        String text = "héllo wörld 👋 مرحبا 👨‍👩‍👧";
        assertSame(text, Sanitizer.forDisplay(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'a\u001bb'      | 'a^[b'",
        "'bell\u0007'    | 'bell^G'",
        "'del\u007f'     | 'del^?'",
        "'c1\u009b'      | 'c1\uFFFD'",
        "'bidi\u202ex'   | 'bidi\uFFFDx'",
        "'line\nbreak'   | 'line^Jbreak'",
        "'tab\tstop'     | 'tab    stop'",
    })
    void controlsBecomeVisibleStandIns(String raw, String shown) {
        assertEquals(shown, Sanitizer.forDisplay(raw));
    }

    @Test
    void nulIsShownInCaretNotation() {
        assertEquals("nul^@", Sanitizer.forDisplay("nul" + (char) 0));
    }

    @Test
    void typedTextLosesControlsButKeepsLinesAndTabs() {
        assertEquals("one\ntwo\n\tthree", Sanitizer.forSending("one\r\ntwo\r\u001b[31m\tthree".replace("[31m", "")));
        assertEquals("ab", Sanitizer.forSending("a\u0007b"));
    }
}
