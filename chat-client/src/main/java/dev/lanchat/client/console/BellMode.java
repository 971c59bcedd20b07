package dev.lanchat.client.console;

import java.util.Locale;
import java.util.Optional;

/** When the terminal bell rings, as {@code /bell} sets it. */
public enum BellMode {
    /** Never. */
    OFF,
    /** For a line that mentions the person's nick and for a private message to them: the default. */
    MENTIONS,
    /** For every line from someone else. */
    ALL;

    /** Whether a message that asks for {@code attention} rings the bell. */
    public boolean rings(Attention attention) {
        return switch (this) {
            case OFF -> false;
            case MENTIONS -> attention == Attention.MENTION;
            case ALL -> attention != Attention.NONE;
        };
    }

    /** The name the user types and the settings file keeps: {@code off}, {@code mentions} or {@code all}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode named {@code word}, in any case; empty if there is none of that name. */
    public static Optional<BellMode> fromWord(String word) {
        for (BellMode mode : values()) {
            if (mode.word().equalsIgnoreCase(word.strip())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
