package dev.lanchat.server.room;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.SpoofChecker.RestrictionLevel;
import dev.lanchat.protocol.ErrorCode;
import java.text.Normalizer;

/**
 * The rules nicknames and room names share, and the keys under which names that would look alike collide
 * (Unicode TS #39, with ICU's confusable data). Stateless; ICU's checkers are immutable and thread-safe.
 */
final class Names {

    private static final Normalizer2 CASE_FOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.CONFUSABLE).build();
    private static final SpoofChecker SCRIPTS = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.RESTRICTION_LEVEL)
            .setRestrictionLevel(RestrictionLevel.HIGHLY_RESTRICTIVE)
            .build();

    private Names() {
    }

    /**
     * Validates a name: 1 to {@code maxLength} characters, each a letter, a digit or one of {@code _ - .}, letters of
     * one script (or a usual mix, such as Japanese). Returns it normalised to NFC.
     *
     * @param what "nickname" or "room name", for the error message
     * @param code the error code of a refusal
     */
    static String validate(String raw, String what, int maxLength, ErrorCode code) throws RuleViolation {
        String display = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (display.isEmpty()) {
            throw new RuleViolation(code, "a " + what + " cannot be empty");
        }
        int length = display.codePointCount(0, display.length());
        if (length > maxLength) {
            throw new RuleViolation(code, what + " '" + printable(display, maxLength) + "' is " + length
                    + " characters long; the limit is " + maxLength);
        }
        for (int i = 0; i < display.length(); ) {
            int cp = display.codePointAt(i);
            if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_' && cp != '-' && cp != '.') {
                throw new RuleViolation(code, what + " '" + printable(display, maxLength) + "' contains "
                        + describe(cp) + "; use letters, digits, '_', '-' and '.'");
            }
            i += Character.charCount(cp);
        }
        if (SCRIPTS.failsChecks(display, new SpoofChecker.CheckResult())) {
            throw new RuleViolation(code, what + " '" + display + "' mixes letters of different scripts, which "
                    + "lets it look like another; use one script");
        }
        return display;
    }

    /** Under this key, names that differ in case, compatibility form or confusable letters are the same. */
    static String key(String raw) {
        return CONFUSABLES.getSkeleton(CASE_FOLD.normalize(raw.strip()));
    }

    /** Under this key, names that look alike as written, case included, are the same. */
    static String lookKey(String display) {
        return CONFUSABLES.getSkeleton(Normalizer.normalize(display, Normalizer.Form.NFKC));
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
    private static String printable(String raw, int maxLength) {
        StringBuilder out = new StringBuilder();
        raw.codePoints().limit(maxLength + 8L).forEach(cp -> out.appendCodePoint(
                Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT ? '?' : cp));
        return out.toString();
    }
}
