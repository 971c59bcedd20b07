package dev.lanchat.client.console;

import java.time.LocalDate;
import org.jline.utils.AttributedString;

/**
 * One event as it should appear: the styled text (possibly several lines), whether it should get the user's
 * attention (a mention of their nick, a private message to them), and the local day of its last timestamped line.
 *
 * @param day the day of the last timestamped line of the text, or {@code null} if it has none
 */
public record Rendered(AttributedString text, boolean alert, LocalDate day) {

    /** The text without any styling, as plain mode prints it. */
    public String plain() {
        return text.toString();
    }
}
