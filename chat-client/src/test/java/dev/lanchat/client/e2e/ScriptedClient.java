package dev.lanchat.client.e2e;

import static org.awaitility.Awaitility.await;

import dev.lanchat.client.ClientMainAccess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/** The real client, run in plain mode on a thread of the test: lines typed in, its screen read back. */
final class ScriptedClient implements AutoCloseable {

    private static final Pattern CHAT_LINE = Pattern.compile("^\\d\\d:\\d\\d (<[^>]+> .*|\\* .*)$");

    private final PipedOutputStream keyboard = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> exit;

    ScriptedClient(String... args) throws IOException {
        PipedInputStream in = new PipedInputStream(keyboard, 64 * 1024);
        PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
        exit = CompletableFuture.supplyAsync(() -> {
            try {
                return ClientMainAccess.run(args, in, out, out);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    void type(String line) throws IOException {
        keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits until the screen shows {@code text}. */
    void awaitScreen(String text) {
        try {
            await().atMost(20, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20)).until(() -> screen().contains(text));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the client's screen never showed '" + text + "':\n" + screen(), e);
        }
    }

    /** The chat lines on the screen, in order, without their times: the view of the conversation. */
    List<String> conversation() {
        return screen().lines().map(CHAT_LINE::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).collect(Collectors.toList());
    }

    int awaitExit() throws Exception {
        return exit.get(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        keyboard.close();
    }
}
