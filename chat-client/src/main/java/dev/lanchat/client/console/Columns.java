package dev.lanchat.client.console;

import org.jline.utils.AttributedString;
import org.jline.utils.WCWidth;

/**
 * How many terminal columns text takes, as terminals draw it: two for East Asian wide characters and emoji, none for
 * combining marks and joiners, one for the rest. JLine's {@link WCWidth} (3.30.0) counts the emoji of the Basic
 * Multilingual Plane that terminals draw two columns wide (☕, ✅, ⚡ ...) as one; this class corrects that, so that
 * the lines the client lays out itself (indents, wrapping, the status line) line up. Stateless.
 */
public final class Columns {

    /**
     * The code points below U+1F000 whose Unicode property Emoji_Presentation is Yes (emoji-data.txt): East Asian
     * Wide since Unicode 9, so terminals give them two columns. Pairs of first and last code point, in order.
     */
    private static final int[] BMP_EMOJI = {
        0x231A, 0x231B, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3, 0x25FD, 0x25FE, 0x2614, 0x2615,
        0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE,
        0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5,
        0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728, 0x274C, 0x274C,
        0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0, 0x27BF, 0x27BF,
        0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
    };

    private Columns() {
    }

    /** The columns one code point takes: 0, 1 or 2. Control characters, which are never printed as such, take 0. */
    public static int of(int codePoint) {
        int width = WCWidth.wcwidth(codePoint);
        if (width < 0) {
            return 0;
        }
        if (width == 1 && codePoint >= BMP_EMOJI[0] && codePoint <= BMP_EMOJI[BMP_EMOJI.length - 1]) {
            for (int i = 0; i < BMP_EMOJI.length; i += 2) {
                if (codePoint >= BMP_EMOJI[i] && codePoint <= BMP_EMOJI[i + 1]) {
                    return 2;
                }
            }
        }
        return width;
    }

    /** The columns a piece of text takes on one line. */
    public static int of(CharSequence text) {
        int columns = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            columns += of(cp);
            i += Character.charCount(cp);
        }
        return columns;
    }

    /** The columns a styled line takes; hidden characters take none. */
    public static int of(AttributedString text) {
        int columns = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            if (!text.isHidden(i)) {
                columns += of(cp);
            }
            i += Character.charCount(cp);
        }
        return columns;
    }
}
