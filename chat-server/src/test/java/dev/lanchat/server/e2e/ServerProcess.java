package dev.lanchat.server.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server's runnable jar in a process of its own, for what only a whole process shows: signals, crashes. */
final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    final Process process;
    final InetSocketAddress address;
    private final StringBuffer output = new StringBuffer();

    /** Starts the server on 127.0.0.1 and an ephemeral port, with {@code flags} added, and waits until it listens. */
    ServerProcess(String... flags) throws Exception {
        this(serverCommand(flags));
    }

    private ServerProcess(List<String> command) throws Exception {
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.append(line).append('\n');
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
                port.completeExceptionally(new IllegalStateException("the server exited:\n" + output));
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        address = new InetSocketAddress("127.0.0.1", port.get(30, TimeUnit.SECONDS));
    }

    /**
     * Starts the server as {@link #ServerProcess(String...)} does, but in a terminal of its own: a pseudo-terminal
     * of 120 by 40 made by util-linux {@code script}, whose input is {@link #type}.
     */
    static ServerProcess inTerminal(String... flags) throws Exception {
        Path script = Path.of("/usr/bin/script");
        assertTrue(Files.isExecutable(script), "this test needs util-linux 'script' to make a pseudo-terminal "
                + "(Debian package bsdutils); .ci/run installs it");
        StringBuilder shell = new StringBuilder("stty cols 120 rows 40; exec");
        for (String word : serverCommand(flags)) {
            shell.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        return new ServerProcess(List.of(script.toString(), "--quiet", "--flush", "--return", "--command",
                shell.toString(), "/dev/null"));
    }

    private static List<String> serverCommand(String... flags) {
        Path jar = Path.of("target", "chat-server.jar");
        assertTrue(Files.exists(jar), "run the integration tests through 'verify', which builds " + jar);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "--bind", "127.0.0.1", "--port", "0"));
        command.addAll(List.of(flags));
        return command;
    }

    /**
     * Sends SIGTERM to the server's JVM, as a service manager stops it: to the process itself, or in a terminal to
     * the JVM inside {@code script} (which would pass the signal on only as a hang-up).
     */
    void terminate() {
        process.descendants().filter(p -> p.info().command().orElse("").endsWith("/java")).findFirst()
                .ifPresentOrElse(ProcessHandle::destroy, process::destroy);
    }

    /** Sends keys to the server's standard input, or its terminal. */
    void type(String keys) throws IOException {
        process.getOutputStream().write(keys.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    String output() {
        return output.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
