package dev.lanchat.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jline.terminal.Terminal;

/**
 * Lets tests in other packages run the client's main logic with their own streams, or on a terminal of their own.
 * Unless a test names its own {@code --settings-file}, the client gets a fresh one, so that no test reads or writes
 * the settings (ignored nicks, the bell) of the person running the tests.
 */
public final class ClientMainAccess {

    private ClientMainAccess() {
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws InterruptedException {
        return ClientMain.run(isolated(args), in, out, err);
    }

    /** Runs the client as a person at {@code terminal} would. */
    public static int runOnTerminal(String[] args, Terminal terminal, PrintStream err) throws InterruptedException {
        return ClientMain.run(isolated(args), InputStream.nullInputStream(), err, err, terminal);
    }

    private static String[] isolated(String[] args) {
        if (Arrays.asList(args).contains("--settings-file")) {
            return args;
        }
        try {
            Path dir = Files.createTempDirectory("lanchat-settings");
            dir.toFile().deleteOnExit();
            dir.resolve("settings").toFile().deleteOnExit();
            String[] all = Arrays.copyOf(args, args.length + 2);
            all[args.length] = "--settings-file";
            all[args.length + 1] = dir.resolve("settings").toString();
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
