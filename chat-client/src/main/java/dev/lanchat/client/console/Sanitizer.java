package dev.lanchat.client.console;

/**
 * Makes text from the network safe to print, and text typed by the user safe to send. No character from another
 * user may reach the terminal as a control: C0 controls show in caret notation ({@code ESC} as {@code ^[}), C1
 * controls, bidirectional overrides and other invisible format characters as {@code U+FFFD}. The server already
 * refuses such text; this is the second line of defence, against a server that does not. Stateless.
 */
public final class Sanitizer {

    private static final int TAB_WIDTH = 4;
    private static final char REPLACEMENT = '\uFFFD';

    private Sanitizer() {
    }

    /**
     * Text fit for one terminal line: every control and format character replaced by a visible stand-in, tabs
     * expanded to spaces. Newlines are replaced too; split multi-line text before calling this.
     */
    public static String forDisplay(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (!safe(cp)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                if (cp == '\t') {
                    out.append(" ".repeat(TAB_WIDTH));
                } else if (cp < 0x20) {
                    out.append('^').append((char) (cp + 0x40));
                } else if (cp == 0x7F) {
                    out.append("^?");
                } else {
                    out.append(REPLACEMENT);
                }
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    /**
     * What the user typed, ready to send: carriage returns folded into newlines, other control and format
     * characters (a stray escape from a paste) dropped, newlines and tabs kept.
     */
    public static String forSending(String typed) {
        String text = typed.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(cp -> cp == '\n' || cp == '\t' || safe(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Whether a code point can be printed as it is: not a control, not an invisible format character. */
    static boolean safe(int cp) {
        if (cp == 0x200C || cp == 0x200D) {
            return true; // joiners shape emoji sequences and several scripts; they move nothing
        }
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }
}
