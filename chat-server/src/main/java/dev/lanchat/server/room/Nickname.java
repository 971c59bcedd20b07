package dev.lanchat.server.room;

import dev.lanchat.protocol.ErrorCode;

/**
 * A validated nickname. It keeps the form the user chose for display, and two keys under which nicknames that would
 * look alike collide, so that no member can pass for another: {@link #key()} folds case and compatibility forms and
 * maps confusable characters, so {@code ada}, {@code ADA}, the fullwidth {@code Ａｄａ} and the Cyrillic
 * {@code аdа} are one nickname; {@link #lookKey()} maps confusables without folding case, so the capital {@code I}
 * in {@code bIll} collides with the {@code l} in {@code blll}. Immutable.
 *
 * <p>Rules: 1 to {@value #MAX_LENGTH} characters, each a letter, a digit, or one of {@code _ - .}; no spaces, no
 * control or format characters; letters from one script (or a usual mix, such as Japanese), so that a Cyrillic
 * letter cannot hide among Latin ones.
 */
public final class Nickname {

    /** Most characters (code points) in a nickname. */
    public static final int MAX_LENGTH = 24;

    private final String display;
    private final String key;
    private final String lookKey;

    private Nickname(String display) {
        this.display = display;
        this.key = Names.key(display);
        this.lookKey = Names.lookKey(display);
    }

    /**
     * Validates {@code raw} and returns the nickname, normalised to NFC for display.
     *
     * @throws RuleViolation with {@link ErrorCode#NICK_INVALID} and a sentence that names the rule broken
     */
    public static Nickname of(String raw) throws RuleViolation {
        return new Nickname(Names.validate(raw, "nickname", MAX_LENGTH, ErrorCode.NICK_INVALID));
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
        return Names.key(raw);
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
}
