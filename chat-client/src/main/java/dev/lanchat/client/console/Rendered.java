package dev.lanchat.client.console;

import org.jline.utils.AttributedString;

/**
 * One event as it should appear: the styled text (possibly several lines) and whether it should get the user's
 * attention (a mention of their nick, a private message).
 */
public record Rendered(AttributedString text, boolean alert) {

    /** The text without any styling, as plain mode prints it. */
    public String plain() {
        return text.toString();
    }
}
