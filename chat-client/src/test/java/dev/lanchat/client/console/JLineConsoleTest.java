package dev.lanchat.client.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.ServerMessage.MemberInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The terminal console driven as a person would use it, through a terminal of fixed size over piped streams. Most
 * tests use the {@code xterm-256color} type, which has the scroll region a status line needs, and read the result off
 * a {@link VirtualScreen}; the ones about dumb terminals use the {@code dumb} type.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JLineConsoleTest {

    /** Sunday 22 November 2026, 09:05 UTC: "now" for the renderer. */
    private static final Instant NOW = Instant.parse("2026-11-22T09:05:00Z");
    private static final int WIDTH = 40;
    private static final int HEIGHT = 12;

    private final RoomState state = new RoomState();
    private final LocalSettings settings = LocalSettings.inMemory();
    private final ChatView view = new ChatView(new Renderer(Clock.fixed(NOW, ZoneOffset.UTC), state::nick), settings,
            state::nick);
    private final LocalCommands commands = new LocalCommands(view, settings, state);
    private final ExecutorService input = Executors.newSingleThreadExecutor();
    private PipedTerminal terminal;
    private JLineConsole console;

    private JLineConsole open(String type, Path history, boolean color) {
        terminal = PipedTerminal.open(type, WIDTH, HEIGHT);
        console = new JLineConsole(terminal.terminal(), state, view, commands, history, color);
        return console;
    }

    private JLineConsole open(Path history) {
        return open("xterm-256color", history, true);
    }

    @AfterEach
    void closeTerminal() throws IOException {
        input.shutdownNow();
        if (console != null) {
            console.close();
        }
        if (terminal != null) {
            terminal.close();
        }
    }

    private void type(String keys) {
        terminal.type(keys);
    }

    /** Joins "lobby" on "lab" as ada, with bob and cy there, as the session does on a welcome. */
    private void joined() {
        ServerMessage.Welcome welcome = new ServerMessage.Welcome(1, "ada", "lobby", "", "lab", "",
                List.of(new MemberInfo("bob", NOW), new MemberInfo("cy", NOW), new MemberInfo("ada", NOW)),
                List.of(), 16384, "token", false);
        state.apply(welcome);
        console.show(welcome);
        console.connection(ConnectionState.CONNECTED);
    }

    private void receive(ServerMessage message) {
        state.apply(message);
        console.show(message);
    }

    private static ServerMessage.Chat chat(String from, String text) {
        return new ServerMessage.Chat("lobby", from, NOW, text, false);
    }

    /** Starts a read on the input thread and returns once the line editor is waiting for keys. */
    private CompletableFuture<String> readInBackground() {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(console::readLine, input);
        await().atMost(10, TimeUnit.SECONDS).until(console::isReading);
        return line;
    }

    @Test
    void aTypedLineIsReturned(@TempDir Path dir) throws Exception {
        open(dir.resolve("history"));
        type("hello there\r");
        assertEquals("hello there", console.readLine());
    }

    @Test
    void quotesAndBackslashesArePlainText(@TempDir Path dir) throws Exception {
        open(dir.resolve("history"));
        type("it's a \"test\" \\o/ !!\r");
        assertEquals("it's a \"test\" \\o/ !!", console.readLine());
    }

    @Test
    void incomingMessagesDoNotGarbleTheLineBeingTyped(@TempDir Path dir) throws Exception {
        open(dir.resolve("history"));
        CompletableFuture<String> line = readInBackground();
        type("half-typed");
        // Wait until the reader has echoed the keys, then print from another thread, as the network does.
        terminal.awaitShown("half-typed");
        console.show(chat("bob", "incoming!"));
        VirtualScreen screen = terminal.awaitShown("09:05 <bob> incoming!");
        assertTrue(screen.row(screen.cursorRow()).endsWith("> half-typed"), screen.toString());
        type(" and finished\r");
        assertEquals("half-typed and finished", line.get(10, TimeUnit.SECONDS));
    }

    @Test
    void movingToAnotherRoomChangesThePromptOfTheLineBeingTyped(@TempDir Path dir) throws Exception {
        open(dir.resolve("history"));
        joined();
        CompletableFuture<String> line = readInBackground();
        type("half");
        terminal.awaitShown("lobby ada> half");

        receive(new ServerMessage.Entered("games", "", List.of(new MemberInfo("ada", NOW))));

        VirtualScreen screen = terminal.awaitShown("games ada> half");
        assertTrue(screen.row(screen.cursorRow()).startsWith("games ada> half"), screen.toString());
        type("\r");
        assertEquals("half", line.get(10, TimeUnit.SECONDS));
    }

    @Test
    void stopEndsAReadInProgress(@TempDir Path dir) throws Exception {
        open(dir.resolve("history"));
        CompletableFuture<String> line = readInBackground();
        type("x");
        terminal.awaitShown("x");
        console.stop();
        assertNull(line.get(10, TimeUnit.SECONDS));
    }

    @Test
    void endOfInputEndsTheSession(@TempDir Path dir) throws Exception {
        open(dir.resolve("history"));
        terminal.endInput();
        assertNull(console.readLine());
    }

    @Test
    void historyIsKeptInItsFileBetweenRuns(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("history");
        open(history);
        type("remember me\r");
        assertEquals("remember me", console.readLine());
        console.close();
        console = null;
        List<String> saved = Files.readAllLines(history, StandardCharsets.UTF_8);
        assertTrue(saved.stream().anyMatch(l -> l.endsWith("remember me")), saved.toString());
    }

    @Nested
    class StatusLineAtTheBottom {

        @Test
        void showsRoomServerPeopleAndConnectionOnceConnected() {
            open(null);
            joined();
            VirtualScreen screen = terminal.awaitScreen("the status line", s -> s.lastRow().contains("connected"));
            assertEquals(" lobby @ lab | 3 people       connected", screen.lastRow());
            assertEquals(WIDTH, screen.lastRow().length() + 1, "the bar spans the width");
        }

        @Test
        void followsArrivalsDeparturesAndTheConnectionAsTheyChange() {
            open(null);
            joined();
            receive(new ServerMessage.Joined("lobby", "dan", NOW));
            terminal.awaitScreen("4 people", s -> s.lastRow().contains("4 people"));
            receive(new ServerMessage.Left("lobby", List.of("bob", "cy"), LeaveReason.QUIT, "", NOW));
            terminal.awaitScreen("2 people", s -> s.lastRow().contains("2 people"));
            console.connection(new ConnectionState.Reconnecting(4));
            terminal.awaitScreen("the countdown", s -> s.lastRow().endsWith("reconnecting in 4 s"));
            console.connection(ConnectionState.DISCONNECTED);
            terminal.awaitScreen("disconnected", s -> s.lastRow().endsWith("disconnected"));
        }

        @Test
        void countsMentionsAndPrivateMessagesUntilTheUserTypes(@TempDir Path dir) throws Exception {
            open(dir.resolve("history"));
            joined();
            CompletableFuture<String> line = readInBackground();
            receive(chat("bob", "ada: lunch?"));
            receive(chat("cy", "not a mention"));
            receive(new ServerMessage.PrivateChat("cy", "ada", NOW, "psst"));
            terminal.awaitScreen("2 mentions", s -> s.lastRow().contains("| 2 mentions"));
            type("on my way\r");
            assertEquals("on my way", line.get(10, TimeUnit.SECONDS));
            VirtualScreen screen = terminal.awaitScreen("no mentions", s -> !s.lastRow().contains("mention"));
            assertTrue(screen.lastRow().startsWith(" lobby @ lab | 3 people"), screen.toString());
        }

        @Test
        void updatesFromOtherThreadsLeaveThePromptAndTheTypedLineIntact(@TempDir Path dir) throws Exception {
            open(dir.resolve("history"));
            joined();
            CompletableFuture<String> line = readInBackground();
            type("typing along");
            terminal.awaitShown("typing along");
            for (int i = 0; i < 20; i++) {
                receive(new ServerMessage.Joined("lobby", "guest" + i, NOW));
                receive(chat("bob", "line " + i));
            }
            VirtualScreen screen = terminal.awaitScreen("23 people", s -> s.lastRow().contains("23 people"));
            assertEquals(HEIGHT - 2, screen.cursorRow(), "the prompt sits just above the status line:\n" + screen);
            assertEquals("lobby ada> typing along", screen.row(HEIGHT - 2), screen.toString());
            assertEquals("09:05 <bob> line 19", screen.row(HEIGHT - 3), screen.toString());
            type("!\r");
            assertEquals("typing along!", line.get(10, TimeUnit.SECONDS));
        }

        @Test
        void isNeverShownOnADumbTerminal() {
            open("dumb", null, true);
            joined();
            receive(chat("bob", "hello"));
            console.connection(new ConnectionState.Reconnecting(3));
            console.info("the last line");
            terminal.awaitShown("the last line"); // the terminal's output arrives in order: all of it is in
            String output = terminal.output();
            assertTrue(output.contains("09:05 <bob> hello"), output);
            assertFalse(output.contains("connected") || output.contains("reconnecting"), output);
            assertFalse(output.contains("\u001b"), "a dumb terminal gets no escape codes: " + output);
        }

        @Test
        void withoutColourIsPlainTextThatStillStandsOut() {
            open("xterm-256color", null, false);
            joined();
            VirtualScreen screen = terminal.awaitScreen("the status line", s -> s.lastRow().contains("connected"));
            assertEquals(" lobby @ lab | 3 people ----- connected", screen.lastRow());
            assertFalse(terminal.output().matches("(?s).*\u001b\\[[0-9;]*[1-9][0-9;]*m.*"),
                    "no colours or styles without colour");
        }

        @Test
        void goesAwayWhenTheConsoleCloses() {
            open(null);
            joined();
            terminal.awaitScreen("the status line", s -> s.lastRow().contains("connected"));
            console.close();
            console = null;
            terminal.awaitScreen("the status line gone", s -> s.lastRow().isEmpty());
        }
    }

    @Nested
    class MultiLineInput {

        @Test
        void aBracketedPasteWithNewlinesStaysOneLine(@TempDir Path dir) throws Exception {
            open(dir.resolve("history"));
            joined();
            CompletableFuture<String> line = readInBackground();
            type("\u001b[200~first line\rsecond line\nthird line\u001b[201~");
            VirtualScreen screen = terminal.awaitShown("third line");
            assertFalse(line.isDone(), "a paste is not sent until Enter");
            assertTrue(screen.shows("lobby ada> first line"), screen.toString());
            assertTrue(screen.shows("      ...> second line"), screen.toString());
            type("\r");
            assertEquals("first line\nsecond line\nthird line", line.get(10, TimeUnit.SECONDS));
        }

        @Test
        void windowsLineEndsInAPasteAreOneNewlineEach(@TempDir Path dir) throws Exception {
            open(dir.resolve("history"));
            joined();
            CompletableFuture<String> line = readInBackground();
            type("\u001b[200~one\r\ntwo\r\n\r\nfour\u001b[201~\r");
            assertEquals("one\ntwo\n\nfour", line.get(10, TimeUnit.SECONDS));
        }

        @Test
        void altEnterStartsANewLineInTheMessage(@TempDir Path dir) throws Exception {
            open(dir.resolve("history"));
            joined();
            CompletableFuture<String> line = readInBackground();
            type("roses are red\u001b\rviolets are blue\u001b[13;3uthe end\r");
            assertEquals("roses are red\nviolets are blue\nthe end", line.get(10, TimeUnit.SECONDS));
        }

        @Test
        void continuationLinesHaveTheirOwnPromptUnderTheFirst(@TempDir Path dir) throws Exception {
            open(dir.resolve("history"));
            joined();
            readInBackground();
            type("one\u001b\rtwo");
            VirtualScreen screen = terminal.awaitShown("...> two");
            int first = screen.rows().indexOf("lobby ada> one");
            assertTrue(first >= 0, screen.toString());
            assertEquals("      ...> two", screen.row(first + 1));
        }
    }

    @Nested
    class WhatArrivesOnTheScreen {

        @Test
        void longLinesWrapWithContinuationRowsUnderTheText(@TempDir Path dir) throws Exception {
            open(dir.resolve("history"));
            joined();
            readInBackground();
            type("draft");
            receive(chat("bob", "a long line that will not fit into forty columns at all"));
            VirtualScreen screen = terminal.awaitShown("fit into");
            int first = screen.rows().indexOf("09:05 <bob> a long line that will not");
            assertTrue(first >= 0, screen.toString());
            assertEquals("            fit into forty columns at", screen.row(first + 1));
            assertEquals("            all", screen.row(first + 2));
            assertEquals("lobby ada> draft", screen.row(screen.cursorRow()), screen.toString());
        }

        @Test
        void wideCharactersAndEmojiKeepRowsAligned(@TempDir Path dir) throws Exception {
            open(dir.resolve("history"));
            joined();
            readInBackground();
            receive(chat("太郎", "日本語の文です\nそして☕と😀"));
            VirtualScreen screen = terminal.awaitShown("そして☕と😀");
            int first = screen.rows().indexOf("09:05 <太郎> 日本語の文です");
            assertTrue(first >= 0, screen.toString());
            assertEquals(" ".repeat(13) + "そして☕と😀", screen.row(first + 1));
            type("日本");
            screen = terminal.awaitShown("lobby ada> 日本");
            assertEquals("lobby ada> ".length() + 4, screen.cursorColumn(), "the cursor follows wide characters");
        }

        @Test
        void aDateLineMarksHistoryFromAnEarlierDay() {
            open(null);
            joined();
            Instant saturday = Instant.parse("2026-11-21T20:00:00Z");
            receive(new ServerMessage.History("lobby",
                    List.of(new ServerMessage.Chat("lobby", 1, "bob", saturday, "good night", false)), false, false));
            receive(chat("bob", "good morning"));
            VirtualScreen screen = terminal.awaitShown("good morning");
            List<String> rows = screen.rows();
            int saturdayLine = rows.indexOf("───── Saturday 21 November 2026 ─────");
            int sundayLine = rows.indexOf("───── Sunday 22 November 2026 ─────");
            assertTrue(saturdayLine >= 0 && sundayLine > saturdayLine, screen.toString());
            assertEquals("20:00 <bob> good night", rows.get(saturdayLine + 1));
            assertEquals("09:05 <bob> good morning", rows.get(sundayLine + 1), screen.toString());
        }

        @Test
        void theBellRingsForMentionsByDefaultAndAsSetAfterwards() throws Exception {
            open(null);
            joined();
            receive(chat("bob", "hello all"));
            receive(chat("bob", "ada, look"));
            terminal.awaitShown("ada, look");
            assertEquals(1, terminal.screen().bells());
            settings.bell(BellMode.OFF);
            receive(new ServerMessage.PrivateChat("bob", "ada", NOW, "psst"));
            terminal.awaitShown("psst");
            assertEquals(1, terminal.screen().bells());
            settings.bell(BellMode.ALL);
            receive(chat("cy", "anything"));
            terminal.awaitShown("anything");
            assertEquals(2, terminal.screen().bells());
        }

        @Test
        void clearingTheScreenKeepsThePromptAndTheStatusLine(@TempDir Path dir) throws Exception {
            open(dir.resolve("history"));
            joined();
            receive(chat("bob", "something to clear away"));
            terminal.awaitShown("something to clear away");
            assertTrue(console.clearScreen());
            readInBackground();
            VirtualScreen screen = terminal.awaitShown("lobby ada>");
            assertEquals("lobby ada>", screen.row(0));
            assertFalse(screen.shows("something to clear away"), screen.toString());
            assertTrue(screen.lastRow().contains("lobby @ lab | 3 people"), screen.toString());
        }

        @Test
        void withoutColourNothingIsStyled() {
            open("xterm-256color", null, false);
            joined();
            receive(chat("bob", "ada, plain please"));
            terminal.awaitShown("plain please");
            assertFalse(terminal.output().matches("(?s).*\u001b\\[[0-9;]*[1-9][0-9;]*m.*"), terminal.output());
        }

        @ParameterizedTest(name = "TERM={0}")
        @ValueSource(strings = {"dumb", "dumb-color"})
        void aDumbTerminalGetsPlainUnwrappedLines(String type) {
            // JLine makes TERM=dumb a "dumb-color" terminal whenever TERM is set; dumb means plain all the same.
            open(type, null, true);
            joined();
            receive(chat("bob", "a long line that a dumb terminal wraps however it likes, if at all"));
            String output = terminal.output();
            assertTrue(output.contains(
                    "09:05 <bob> a long line that a dumb terminal wraps however it likes, if at all"), output);
            assertFalse(output.contains("\u001b"), output);
        }
    }
}
