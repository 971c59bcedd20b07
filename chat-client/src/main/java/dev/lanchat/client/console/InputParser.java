package dev.lanchat.client.console;

import java.util.Locale;

/**
 * Reads what the user typed. A line starting with {@code /} is a command; {@code //} escapes a leading slash so that
 * {@code //shrug} says "/shrug". The bare word {@code quit} leaves, like {@code /quit}; other commands, the client's
 * own ({@link LocalCommands}) and the server's, are for the session to dispatch. Everything else is chat text,
 * cleaned of control characters by {@link Sanitizer#forSending}. Stateless.
 */
public final class InputParser {

    private InputParser() {
    }

    public static Input parse(String line) {
        String text = Sanitizer.forSending(line);
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return new Input.Nothing();
        }
        if (trimmed.equalsIgnoreCase("quit")) {
            return new Input.Quit("");
        }
        if (!trimmed.startsWith("/") || trimmed.startsWith("//") || trimmed.length() == 1) {
            String body = trimmed.startsWith("//") ? text.substring(text.indexOf('/') + 1) : text;
            return new Input.Text(stripTrailingNewlines(body));
        }
        int space = indexOfWhitespace(trimmed);
        String name = (space < 0 ? trimmed.substring(1) : trimmed.substring(1, space)).toLowerCase(Locale.ROOT);
        String args = space < 0 ? "" : trimmed.substring(space + 1).strip();
        switch (name) {
            case "quit":
            case "exit":
                return new Input.Quit(args);
            default:
                return new Input.Command(name, args);
        }
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String stripTrailingNewlines(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n')) {
            end--;
        }
        return text.substring(0, end);
    }
}
