package dev.lanchat.client.e2e;

import dev.lanchat.client.ClientMainAccess;
import dev.lanchat.client.console.PipedTerminal;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real client at a terminal, as a person uses it: line editor, status line, bracketed paste. Runs on a thread of
 * the test, on an {@code xterm-256color} {@link PipedTerminal} of 80 by 24; keys typed in, the screen read back.
 */
final class TerminalClient implements AutoCloseable {

    static final int WIDTH = 80;
    static final int HEIGHT = 24;

    final PipedTerminal terminal = PipedTerminal.open("xterm-256color", WIDTH, HEIGHT);
    private final Captured errors = new Captured();
    private final CompletableFuture<Integer> exit;

    TerminalClient(String... args) {
        exit = CompletableFuture.supplyAsync(() -> {
            try {
                return ClientMainAccess.runOnTerminal(args, terminal.terminal(), errors.err);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Waits until the cursor is on a row that starts with {@code prompt} (trailing blanks are not part of a row). */
    void awaitPrompt(String prompt) {
        terminal.awaitScreen("the prompt '" + prompt + "'",
                screen -> screen.row(screen.cursorRow()).startsWith(prompt));
    }

    int awaitExit() throws Exception {
        return exit.get(20, TimeUnit.SECONDS);
    }

    String errors() {
        return errors.all();
    }

    @Override
    public void close() throws IOException {
        terminal.close();
    }
}
