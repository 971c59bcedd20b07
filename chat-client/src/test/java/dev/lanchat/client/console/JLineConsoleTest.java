package dev.lanchat.client.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ServerMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The terminal console driven through a dumb terminal over piped streams, as a person would use it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JLineConsoleTest {

    private final Keyboard keyboard = new Keyboard();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final RoomState state = new RoomState();
    private final ExecutorService input = Executors.newSingleThreadExecutor();
    private Terminal terminal;
    private JLineConsole console;

    private JLineConsole open(Path history) throws IOException {
        terminal = TerminalBuilder.builder().system(false).type("ansi").encoding(StandardCharsets.UTF_8)
                .streams(keyboard, screen).size(new org.jline.terminal.Size(80, 24)).build();
        LocalSettings settings = LocalSettings.inMemory();
        ChatView view = new ChatView(new Renderer(ZoneOffset.UTC, state::nick), settings, state::nick);
        console = new JLineConsole(terminal, state, view, new LocalCommands(view, settings, state), history, false);
        return console;
    }

    @AfterEach
    void closeTerminal() throws IOException {
        input.shutdownNow();
        keyboard.close();
        if (console != null) {
            console.close();
        }
    }

    private void type(String keys) {
        keyboard.type(keys);
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
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
        awaitScreen("half-typed");
        console.show(new ServerMessage.Chat("lobby", "bob", Instant.parse("2026-11-22T09:05:00Z"), "incoming!", false));
        awaitScreen("incoming!");
        type(" and finished\r");
        assertEquals("half-typed and finished", line.get(10, TimeUnit.SECONDS));
        assertTrue(screen().contains("09:05 <bob> incoming!"), screen());
    }

    @Test
    void stopEndsAReadInProgress(@TempDir Path dir) throws Exception {
        open(dir.resolve("history"));
        CompletableFuture<String> line = readInBackground();
        type("x");
        awaitScreen("x");
        console.stop();
        assertNull(line.get(10, TimeUnit.SECONDS));
    }

    @Test
    void endOfInputEndsTheSession(@TempDir Path dir) throws Exception {
        open(dir.resolve("history"));
        keyboard.close();
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

    /** Starts a read on the input thread and returns once the line editor is waiting for keys. */
    private CompletableFuture<String> readInBackground() {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(console::readLine, input);
        await().atMost(10, TimeUnit.SECONDS).until(console::isReading);
        return line;
    }

    private void awaitScreen(String text) {
        await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(5))
                .alias("the screen shows '" + text + "'").until(() -> screen().contains(text));
    }
}
