package dev.lanchat.server.room;

import dev.lanchat.protocol.ErrorCode;

/**
 * What chat text may contain. Newline and tab are kept, so a pasted block stays one message; carriage returns are
 * folded into newlines. Any other control character (C0, DEL, C1, above all ESC), any bidirectional override or
 * isolate, and any other invisible format character is refused, so no member can move another's cursor, clear their
 * screen, retitle their window or disguise text. The zero-width joiner and non-joiner stay allowed: emoji sequences
 * and several scripts need them.
 */
public final class TextRules {

    private TextRules() {
    }

    /**
     * Returns {@code text} with line endings normalised, or refuses it.
     *
     * @throws RuleViolation {@link ErrorCode#EMPTY_TEXT} for blank text, {@link ErrorCode#BAD_TEXT} naming the first
     *                       forbidden character and its position
     */
    public static String checkMessage(String text) throws RuleViolation {
        String normalised = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalised.isBlank()) {
            throw new RuleViolation(ErrorCode.EMPTY_TEXT, "cannot send an empty message");
        }
        int position = 0;
        for (int i = 0; i < normalised.length(); ) {
            int cp = normalised.codePointAt(i);
            if (!allowed(cp)) {
                throw new RuleViolation(ErrorCode.BAD_TEXT, String.format(
                        "message contains the control or format character U+%04X at position %d; only newline and "
                                + "tab are allowed", cp, position));
            }
            i += Character.charCount(cp);
            position++;
        }
        return normalised;
    }

    /** Whether a code point may appear in chat text. */
    public static boolean allowed(int cp) {
        if (cp == '\n' || cp == '\t' || cp == 0x200C || cp == 0x200D) {
            return true;
        }
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }
}
