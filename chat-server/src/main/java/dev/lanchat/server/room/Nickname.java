package dev.lanchat.server.room;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.SpoofChecker.RestrictionLevel;
import dev.lanchat.protocol.ErrorCode;
import java.text.Normalizer;

/**
 * A validated nickname. It keeps the form the user chose for display, and two keys under which nicknames that would
 * look alike collide, so that no member can pass for another (Unicode TS #39, with ICU's confusable data):
 * {@link #key()} folds case and compatibility forms and maps confusable characters, so {@code ada}, {@code ADA},
 * the fullwidth {@code Ａｄａ} and the Cyrillic {@code аdа} are one nickname; {@link #lookKey()} maps confusables
 * without folding case, so the capital {@code I} in {@code bIll} collides with the {@code l} in {@code blll}.
 * Immutable.
 *
 * <p>Rules: 1 to {@value #MAX_LENGTH} characters, each a letter, a digit, or one of {@code _ - .}; no spaces, no
 * control or format characters; letters from one script (or the usual combinations, such as Japanese), so that a
 * Cyrillic letter cannot hide among Latin ones.
 */
public final class Nickname {

    /** Most characters (code points) in a nickname. */
    public static final int MAX_LENGTH = 24;

    private static final Normalizer2 CASE_FOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.CONFUSABLE).build();
    private static final SpoofChecker SCRIPTS = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.RESTRICTION_LEVEL)
            .setRestrictionLevel(RestrictionLevel.HIGHLY_RESTRICTIVE)
            .build();

    private final String display;
    private final String key;
    private final String lookKey;

    private Nickname(String display) {
        this.display = display;
        this.key = keyOf(display);
        this.lookKey = CONFUSABLES.getSkeleton(Normalizer.normalize(display, Normalizer.Form.NFKC));
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
        SpoofChecker.CheckResult scripts = new SpoofChecker.CheckResult();
        if (SCRIPTS.failsChecks(display, scripts)) {
            throw invalid("nickname '" + display + "' mixes letters of different scripts, which lets it look like "
                    + "another; use one script");
        }
        return new Nickname(display);
    }

    /** The nickname as its owner chose it. */
    public String display() {
        return display;
    }

    /** The form under which nicknames that differ in case, compatibility form or confusable letters collide. */
    public String key() {
        return key;
    }

    /** The form under which nicknames that look alike as written, case included, collide. */
    public String lookKey() {
        return lookKey;
    }

    /** Whether {@code other} would pass for this nickname. */
    public boolean sameAs(Nickname other) {
        return key.equals(other.key) || lookKey.equals(other.lookKey);
    }

    /** The comparison key for any string, as used to look a member up by a nickname someone typed. */
    public static String keyOf(String raw) {
        return CONFUSABLES.getSkeleton(CASE_FOLD.normalize(raw.strip()));
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
