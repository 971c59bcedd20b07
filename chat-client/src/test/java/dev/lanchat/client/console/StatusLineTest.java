package dev.lanchat.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatusLineTest {

    private static String text(StatusLine line, int width) {
        return line.render(width, true).toString();
    }

    @Test
    void namesTheRoomTheServerThePeopleAndTheConnection() {
        StatusLine line = new StatusLine("lab", "lobby", 3, ConnectionState.CONNECTED, 0);
        assertEquals(" lobby @ lab | 3 people" + " ".repeat(27) + "connected ", text(line, 60));
    }

    @Test
    void countsUnreadMentionsWhenThereAreSome() {
        assertEquals(" lobby @ lab | 1 person | 1 mention           connected ",
                text(new StatusLine("lab", "lobby", 1, ConnectionState.CONNECTED, 1), 56));
        assertTrue(text(new StatusLine("lab", "lobby", 2, ConnectionState.CONNECTED, 5), 60).contains("| 5 mentions"));
    }

    @Test
    void saysHowTheConnectionStands() {
        assertTrue(text(new StatusLine("lab", "lobby", 3, new ConnectionState.Reconnecting(7), 0), 60)
                .endsWith("reconnecting in 7 s "));
        assertTrue(text(new StatusLine("lab", "lobby", 3, new ConnectionState.Reconnecting(0), 0), 60)
                .endsWith("reconnecting... "));
        assertTrue(text(new StatusLine("lab", "lobby", 3, ConnectionState.DISCONNECTED, 0), 60)
                .endsWith("disconnected "));
        assertTrue(text(new StatusLine("", "", 0, ConnectionState.CONNECTING, 0), 60).endsWith("connecting "));
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {80, 60, 40, 30, 24, 16, 10, 3})
    void isExactlyAsWideAsTheTerminal(int width) {
        StatusLine line = new StatusLine("the lab server", "lobby", 12, new ConnectionState.Reconnecting(12), 3);
        assertEquals(width, Columns.of(line.render(width, true)));
        assertEquals(width, Columns.of(line.render(width, false)));
    }

    @Test
    void dropsTheLeastUsefulPartsFirstWhenNarrow() {
        StatusLine line = new StatusLine("lab", "lobby", 3, ConnectionState.CONNECTED, 2);
        assertEquals(" lobby @ lab | 3 people | 2 mentions  connected ", text(line, 48));
        assertEquals(" lobby | 3 people | 2 mentions   connected ", text(line, 43));
        assertEquals(" lobby | 2 mentions      connected ", text(line, 35));
        assertEquals(" 2 mentions   connected ", text(line, 24));
        assertEquals(" 2 mentions connected ", text(line, 22));
        assertEquals(" 2 mentions con", text(line, 15));
    }

    @Test
    void keepsTheConnectionAndTheMentionsToTheLast() {
        String narrow = text(new StatusLine("lab", "lobby", 3, new ConnectionState.Reconnecting(5), 2), 22);
        assertTrue(narrow.contains("2 mentions") && narrow.contains("reconn"), narrow);
    }

    @Test
    void inColourIsABarWithWhatNeedsAttentionInBold() {
        AttributedString bar = new StatusLine("lab", "lobby", 3, new ConnectionState.Reconnecting(5), 2)
                .render(60, true);
        String text = bar.toString();
        assertEquals(AttributedStyle.DEFAULT.inverse(), bar.styleAt(text.indexOf("lobby")));
        assertEquals(AttributedStyle.BOLD.inverse(), bar.styleAt(text.indexOf("2 mentions")));
        assertEquals(AttributedStyle.BOLD.inverse(), bar.styleAt(text.indexOf("reconnecting")));
        assertEquals(AttributedStyle.DEFAULT.inverse(), bar.styleAt(text.length() - 1), "the bar runs to the edge");
    }

    @Test
    void withoutColourHasNoStylesAndDashesBetweenItsEnds() {
        AttributedString line = new StatusLine("lab", "lobby", 3, ConnectionState.CONNECTED, 0).render(40, false);
        assertEquals(" lobby @ lab | 3 people ----- connected ", line.toString());
        for (int i = 0; i < line.length(); i++) {
            assertEquals(AttributedStyle.DEFAULT, line.styleAt(i));
        }
    }

    @Test
    void namesFromTheNetworkAreCleaned() {
        String text = text(new StatusLine("evil\u001b[2J", "lobby", 1, ConnectionState.CONNECTED, 0), 60);
        assertTrue(text.contains("evil^[[2J") && !text.contains("\u001b"), text);
    }
}
