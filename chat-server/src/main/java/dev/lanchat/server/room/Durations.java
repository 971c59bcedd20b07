package dev.lanchat.server.room;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as an operator types and reads them: {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d}. */
public final class Durations {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,6})\\s*([smhd]?)");

    private Durations() {
    }

    /**
     * Reads {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}; a bare number is minutes.
     *
     * @throws IllegalArgumentException naming the text, for anything else
     */
    public static Duration parse(String text) {
        Matcher matcher = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use 30s, 10m, 2h or 1d)");
        }
        long amount = Long.parseLong(matcher.group(1));
        switch (matcher.group(2)) {
            case "s":
                return Duration.ofSeconds(amount);
            case "h":
                return Duration.ofHours(amount);
            case "d":
                return Duration.ofDays(amount);
            default:
                return Duration.ofMinutes(amount);
        }
    }

    /** Such as {@code 10 min} or {@code 2 h 5 min}: rounded up to the second, largest units first. */
    public static String describe(Duration duration) {
        long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours < 48) {
            return hours + " h" + (rest == 0 ? "" : " " + rest + " min");
        }
        return (hours + 23) / 24 + " days";
    }
}
