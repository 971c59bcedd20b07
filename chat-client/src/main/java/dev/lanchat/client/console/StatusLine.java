package dev.lanchat.client.console;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * What the status line at the bottom of the terminal says: the room and the server, how many people are in the room,
 * the mentions and private messages not yet answered, and the state of the connection. A value; {@link #render} lays
 * it out for a width, dropping the least useful parts first when the terminal is narrow (the server's name, then the
 * head count, then the room), so the connection state and the unread count are the last to go. Immutable.
 *
 * @param unread mentions and private messages since the person last entered a line
 */
public record StatusLine(String server, String room, int members, ConnectionState connection, int unread) {

    private static final AttributedStyle BAR = AttributedStyle.DEFAULT.inverse();
    private static final AttributedStyle ALERT = AttributedStyle.BOLD.inverse();
    private static final String SEPARATOR = " | ";

    /**
     * The line, exactly {@code width} columns wide. In colour it is a bar in reverse video, with the unread count and
     * a connection that is not up in bold; without colour, plain text with the gap between the parts filled with
     * dashes, so that it still looks unlike a line of chat.
     */
    public AttributedString render(int width, boolean color) {
        String right = connection.describe();
        String mentions = unread == 0 ? "" : unread + (unread == 1 ? " mention" : " mentions");
        String place = Sanitizer.forDisplay(room);
        String host = Sanitizer.forDisplay(server);
        String people = members + (members == 1 ? " person" : " people");
        List<List<String>> layouts = List.of(
                parts(place.isEmpty() || host.isEmpty() ? place + host : place + " @ " + host, people, mentions),
                parts(place, people, mentions),
                parts(place, mentions),
                parts(mentions));
        for (List<String> left : layouts) {
            String text = String.join(SEPARATOR, left);
            if (Columns.of(text) + Columns.of(right) + 4 <= width) {
                return layout(text, mentions, right, width, color);
            }
        }
        return layout(mentions, mentions, right, width, color); // cut short at the right edge
    }

    private static List<String> parts(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (!part.isEmpty()) {
                kept.add(part);
            }
        }
        return kept;
    }

    private AttributedString layout(String left, String mentions, String right, int width, boolean color) {
        AttributedStringBuilder line = new AttributedStringBuilder();
        AttributedStyle bar = color ? BAR : AttributedStyle.DEFAULT;
        AttributedStyle alert = color ? ALERT : AttributedStyle.DEFAULT;
        line.styled(bar, " ");
        int at = mentions.isEmpty() ? -1 : left.lastIndexOf(mentions);
        if (at >= 0) {
            line.styled(bar, left.substring(0, at)).styled(alert, mentions)
                    .styled(bar, left.substring(at + mentions.length()));
        } else {
            line.styled(bar, left);
        }
        int gap = width - 2 - Columns.of(left) - Columns.of(right);
        if (gap >= 2) {
            line.styled(bar, color ? " ".repeat(gap) : " " + "-".repeat(gap - 2) + " ");
        } else if (!left.isEmpty()) {
            line.styled(bar, " ");
        }
        boolean up = connection instanceof ConnectionState.Connected;
        line.styled(up ? bar : alert, right).styled(bar, " ");
        AttributedString text = line.toAttributedString();
        if (Columns.of(text) > width) {
            text = text.columnSubSequence(0, width);
        }
        int missing = width - Columns.of(text);
        // A wide character cut at the edge leaves a column to fill.
        return missing <= 0 ? text
                : new AttributedStringBuilder().append(text).styled(bar, " ".repeat(missing)).toAttributedString();
    }
}
