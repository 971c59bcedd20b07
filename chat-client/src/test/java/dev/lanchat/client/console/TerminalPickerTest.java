package dev.lanchat.client.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.testing.Keyboard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The room picker driven through a terminal over piped streams, key by key, as a person would use it. The terminal
 * copies its output to the screen stream on a thread of its own, so what the screen shows is awaited, never assumed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TerminalPickerTest {

    private static final List<String> ROOMS = List.of("lab-pc    10.0.0.5:7777  lobby  3 members",
            "ops room  10.0.0.9:7778  ops    0 members", "attic     10.0.0.7:7777  lobby  1 member");
    private static final String UP = "\033[A";
    private static final String DOWN = "\033[B";

    private final Keyboard keyboard = new Keyboard();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final ExecutorService input = Executors.newSingleThreadExecutor();
    private Terminal terminal;

    @BeforeEach
    void openTerminal() throws IOException {
        terminal = TerminalBuilder.builder().system(false).type("ansi").encoding(StandardCharsets.UTF_8)
                .streams(keyboard, screen).size(new Size(80, 24)).build();
    }

    @AfterEach
    void closeTerminal() throws IOException {
        input.shutdownNow();
        keyboard.close();
        terminal.close();
    }

    /** Starts the picker on the input thread and returns once it shows the list. */
    private CompletableFuture<OptionalInt> pick() {
        CompletableFuture<OptionalInt> chosen = CompletableFuture.supplyAsync(
                () -> new TerminalPicker(terminal, true).pick("3 chat rooms on the LAN; which one?", ROOMS), input);
        awaitScreen("which one?");
        return chosen;
    }

    private OptionalInt result(CompletableFuture<OptionalInt> chosen) throws Exception {
        return chosen.get(10, TimeUnit.SECONDS);
    }

    @Test
    void showsEveryRowNumberedWithTheFirstSelected() throws Exception {
        CompletableFuture<OptionalInt> chosen = pick();
        awaitScreen("3  attic");
        assertTrue(screen().contains("> 1  lab-pc"), screen());
        assertTrue(screen().contains("  2  ops room"), screen());
        keyboard.type("\r");
        assertEquals(OptionalInt.of(0), result(chosen));
    }

    @Test
    void theArrowKeysMoveTheSelectionAndEnterTakesIt() throws Exception {
        CompletableFuture<OptionalInt> chosen = pick();
        keyboard.type(DOWN);
        awaitScreen("> 2  ops room");
        keyboard.type(DOWN + UP + "\r");
        assertEquals(OptionalInt.of(1), result(chosen));
    }

    @Test
    void upFromTheFirstRowWrapsToTheLast() throws Exception {
        CompletableFuture<OptionalInt> chosen = pick();
        keyboard.type(UP + "\r");
        assertEquals(OptionalInt.of(2), result(chosen));
    }

    @Test
    void typingANumberChoosesAtOnce() throws Exception {
        CompletableFuture<OptionalInt> chosen = pick();
        keyboard.type("3");
        assertEquals(OptionalInt.of(2), result(chosen));
    }

    @Test
    void qCancels() throws Exception {
        CompletableFuture<OptionalInt> chosen = pick();
        keyboard.type(DOWN + "q");
        assertEquals(OptionalInt.empty(), result(chosen));
    }

    @Test
    void ctrlCCancelsInsteadOfEndingTheProgram() throws Exception {
        CompletableFuture<OptionalInt> chosen = pick();
        keyboard.type("\u0003");
        assertEquals(OptionalInt.empty(), result(chosen));
    }

    @Test
    void theEndOfInputCancels() throws Exception {
        CompletableFuture<OptionalInt> chosen = pick();
        keyboard.close();
        assertEquals(OptionalInt.empty(), result(chosen));
    }

    @Test
    void otherKeysAreIgnored() throws Exception {
        CompletableFuture<OptionalInt> chosen = pick();
        keyboard.type("xé " + DOWN + "\r");
        assertEquals(OptionalInt.of(1), result(chosen));
    }

    @Test
    void rowsFromTheNetworkCannotSendEscapeSequences() throws Exception {
        CompletableFuture<OptionalInt> chosen = CompletableFuture.supplyAsync(() -> new TerminalPicker(terminal, false)
                .pick("pick", List.of("evil\033]0;pwned\007 room")), input);
        awaitScreen("evil^[]0;pwned^G room");
        keyboard.type("\r");
        assertEquals(OptionalInt.of(0), result(chosen));
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    private void awaitScreen(String text) {
        await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(5))
                .alias("the screen shows '" + text + "'").until(() -> screen().contains(text));
    }
}
