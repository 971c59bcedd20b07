package dev.lanchat.client.console;

import dev.lanchat.protocol.ServerMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The console for pipes and scripts: reads lines from an input stream and prints each event the {@link ChatView} shows
 * as plain lines, unwrapped, with no colours, escape codes, status line or bell. A daemon thread reads the input, so
 * that {@link #stop()} can end the session even while no input arrives. Thread-safe as {@link Console} describes.
 */
public final class PlainConsole implements Console {

    /** Marks the end of input in the queue; compared by identity. */
    private static final String END = new String("end of input");

    private final PrintStream out;
    private final ChatView view;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    public PlainConsole(InputStream in, PrintStream out, ChatView view) {
        this.out = out;
        this.view = view;
        Thread reader = new Thread(() -> pump(in), "stdin");
        reader.setDaemon(true);
        reader.start();
    }

    private void pump(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            // A broken input ends it like an end of file does.
        } finally {
            lines.add(END);
        }
    }

    @Override
    public String readLine() {
        try {
            String line = lines.take();
            if (line == END) {
                lines.add(END); // later calls see the end too
                return null;
            }
            view.typed();
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public String ask(String question, String fallback) {
        print(question);
        String answer = readLine();
        return answer == null ? null : answer.isBlank() ? fallback : answer.strip();
    }

    @Override
    public String askSecret(String question) {
        return ask(question, null);
    }

    @Override
    public void show(ServerMessage message) {
        view.show(message, 0).ifPresent(shown -> print(shown.plain()));
    }

    @Override
    public void info(String text) {
        print(view.info(text, 0).plain());
    }

    @Override
    public void error(String text) {
        print(view.error(text, 0).plain());
    }

    @Override
    public void stop() {
        lines.add(END);
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public void close() {
        out.flush();
    }

    private synchronized void print(String text) {
        out.println(text);
        out.flush();
    }
}
