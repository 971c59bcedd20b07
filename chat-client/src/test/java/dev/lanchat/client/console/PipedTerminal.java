package dev.lanchat.client.console;

import static org.awaitility.Awaitility.await;

import dev.lanchat.testing.Keyboard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * A JLine terminal of fixed size over piped streams, for tests: keys go in through a {@link Keyboard}, and what the
 * program writes comes out as raw text or as the {@link VirtualScreen} a person would see. Output is synchronous:
 * what a call wrote is there when it returns.
 */
public final class PipedTerminal implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Keyboard keyboard = new Keyboard();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Terminal terminal;
    private final int width;
    private final int height;

    private PipedTerminal(String type, int width, int height) {
        this.width = width;
        this.height = height;
        try {
            // The exec provider makes a terminal that runs JLine's own line discipline over the streams, with no
            // pseudo-terminal underneath: what is written arrives in the output before the write returns.
            terminal = TerminalBuilder.builder().system(false).provider("exec").type(type)
                    .encoding(StandardCharsets.UTF_8).streams(keyboard, output).size(new Size(width, height)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A terminal of {@code type} ({@code xterm-256color} for one with a scroll region and colours; {@code dumb} for
     * one with neither), {@code width} columns by {@code height} rows.
     */
    public static PipedTerminal open(String type, int width, int height) {
        return new PipedTerminal(type, width, height);
    }

    public Terminal terminal() {
        return terminal;
    }

    /** Types {@code keys}, escape sequences and all. */
    public void type(String keys) {
        keyboard.type(keys);
    }

    /** Ends the input, as a closed terminal does. */
    public void endInput() {
        keyboard.close();
    }

    /** Everything written to the terminal so far, escape sequences included. */
    public String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** The screen as it looks now. */
    public VirtualScreen screen() {
        return VirtualScreen.of(output(), width, height);
    }

    /** Waits until the screen satisfies {@code condition}, described as {@code what} if it never does. */
    public VirtualScreen awaitScreen(String what, Predicate<VirtualScreen> condition) {
        try {
            await().atMost(WAIT.toMillis(), TimeUnit.MILLISECONDS).pollInterval(Duration.ofMillis(5))
                    .until(() -> condition.test(screen()));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the screen never showed " + what + ":\n" + screen(), e);
        }
        return screen();
    }

    /** Waits until some row of the screen shows {@code text}. */
    public VirtualScreen awaitShown(String text) {
        return awaitScreen("'" + text + "'", screen -> screen.shows(text));
    }

    @Override
    public void close() throws IOException {
        keyboard.close();
        terminal.close();
    }
}
