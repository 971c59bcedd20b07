package dev.lanchat.server.room;

import dev.lanchat.protocol.ErrorCode;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A validated nickname. It keeps the form the user chose for display, and a key under which nicknames that differ
 * only in case or in compatibility forms (a fullwidth {@code Ａ}, a ligature) compare equal, so that two members can
 * never look alike. Immutable.
 *
 * <p>Rules: 1 to {@value #MAX_LENGTH} characters, each a letter, a digit, or one of {@code _ - .}; no spaces, no
 * control or format characters.
 */
public final class Nickname {

    /** Most characters (code points) in a nickname. */
    public static final int MAX_LENGTH = 24;

    private final String display;
    private final String key;

    private Nickname(String display, String key) {
        this.display = display;
        this.key = key;
    }

    /**
     * Validates {@code raw} and returns the nickname, normalised to NFC for display.
     *
     * @throws RuleViolation with {@link ErrorCode#NICK_INVALID} and a sentence that names the rule broken
     */
    public static Nickname of(String raw) throws RuleViolation {
        String display = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (display.isEmpty()) {
            throw invalid("a nickname cannot be empty");
        }
        int length = display.codePointCount(0, display.length());
        if (length > MAX_LENGTH) {
            throw invalid("nickname '" + printable(display) + "' is " + length + " characters long; the limit is "
                    + MAX_LENGTH);
        }
        for (int i = 0; i < display.length(); ) {
            int cp = display.codePointAt(i);
            if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_' && cp != '-' && cp != '.') {
                throw invalid("nickname '" + printable(display) + "' contains " + describe(cp)
                        + "; use letters, digits, '_', '-' and '.'");
            }
            i += Character.charCount(cp);
        }
        return new Nickname(display, keyOf(display));
    }

    /** The nickname as its owner chose it. */
    public String display() {
        return display;
    }

    /** The form under which look-alike nicknames collide: compatibility-normalised and case-folded. */
    public String key() {
        return key;
    }

    /** Whether {@code other} names the same nickname, ignoring case and compatibility forms. */
    public boolean sameAs(Nickname other) {
        return key.equals(other.key);
    }

    /** The comparison key for any string, as used to look a member up by a nickname someone typed. */
    public static String keyOf(String raw) {
        String compatible = Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC);
        // Upper- then lower-casing folds the forms plain lower-casing misses, such as German sharp s.
        return Normalizer.normalize(compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Nickname && ((Nickname) o).key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return display;
    }

    private static RuleViolation invalid(String message) {
        return new RuleViolation(ErrorCode.NICK_INVALID, message);
    }

    private static String describe(int cp) {
        if (cp == ' ') {
            return "a space";
        }
        String name = Character.getName(cp);
        String hex = String.format("U+%04X", cp);
        if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
            return "the invisible character " + hex + (name == null ? "" : " " + name);
        }
        return "'" + Character.toString(cp) + "' (" + hex + ")";
    }

    /** The raw text with invisible characters shown as {@code ?}, so an error message is safe to print. */
    private static String printable(String raw) {
        StringBuilder out = new StringBuilder();
        raw.codePoints().limit(MAX_LENGTH + 8).forEach(cp -> out.appendCodePoint(
                Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT ? '?' : cp));
        return out.toString();
    }
}
