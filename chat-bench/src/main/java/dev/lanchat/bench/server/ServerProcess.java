package dev.lanchat.bench.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat server in a JVM of its own, started by the bench so that the load is measured against a separate process
 * whose memory can be read by pid. The server is told to listen on 127.0.0.1 port 0; the port it gets is read from
 * its log line {@code listening on 127.0.0.1:PORT}. Its output is read all along (an unread pipe would block it once
 * full), logged at DEBUG, and its last lines are kept for error messages.
 *
 * <p>Thread-safe. {@link #close} stops it as Ctrl-C would (SIGTERM, which it handles gracefully), and kills it if it
 * has not exited after a while.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerProcess.class);

    /** The server's log line that gives its address; see {@code ChatServer.start}. */
    static final Pattern LISTENING = Pattern.compile("listening on (\\S+):(\\d+)");
    private static final int KEPT_LINES = 40;
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final Process process;
    private final Deque<String> recent = new ArrayDeque<>();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private ServerProcess(Process process) {
        this.process = process;
    }

    /**
     * Starts {@code command} and waits up to {@code timeout} for it to say where it listens.
     *
     * @throws ServerStartException if it cannot be started, exits first, or stays silent
     */
    public static ServerProcess start(List<String> command, Duration timeout)
            throws ServerStartException, InterruptedException {
        log.info("starting the server: {}", String.join(" ", command));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ServerStartException("cannot start '" + command.get(0) + "': " + e.getMessage(), List.of(), -1);
        }
        ServerProcess server = new ServerProcess(process);
        Thread pump = new Thread(server::pumpOutput, "server-output");
        pump.setDaemon(true);
        pump.start();
        try {
            int bound = server.port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("the server (pid {}) listens on 127.0.0.1:{}", process.pid(), bound);
            return server;
        } catch (ExecutionException e) {
            pump.join(TimeUnit.SECONDS.toMillis(2));
            int status = process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : -1;
            throw new ServerStartException("the server exited with status " + status + " before listening",
                    server.recentOutput(), status);
        } catch (TimeoutException e) {
            server.close();
            throw new ServerStartException("the server did not print 'listening on HOST:PORT' within "
                    + timeout.toSeconds() + " s (does a server flag such as --quiet hide that log line?)",
                    server.recentOutput(), -1);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Where the server listens: 127.0.0.1 and the port it reported. */
    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port.join());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The server's last lines of output, oldest first. */
    public List<String> recentOutput() {
        synchronized (recent) {
            return new ArrayList<>(recent);
        }
    }

    /** Stops the server gracefully, or kills it if it takes too long. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("the server (pid {}) did not stop within {} s of SIGTERM; killing it", process.pid(),
                        STOP_GRACE.toSeconds());
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void pumpOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                log.debug("server: {}", line);
                synchronized (recent) {
                    recent.addLast(line);
                    if (recent.size() > KEPT_LINES) {
                        recent.removeFirst();
                    }
                }
                if (!port.isDone()) {
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        port.complete(Integer.parseInt(listening.group(2)));
                    }
                }
            }
        } catch (IOException e) {
            log.debug("reading the server's output failed", e);
        }
        port.completeExceptionally(new IllegalStateException("the server's output ended"));
    }
}
