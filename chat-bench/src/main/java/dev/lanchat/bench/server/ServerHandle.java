package dev.lanchat.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server under test: one the bench started ({@link #spawn}), which it stops at the end, or one already running
 * ({@link #running}), which it leaves alone. Either way it has an address and, if known, a pid to read memory from.
 *
 * <p>Spawning passes the bench's default server flags (the limits a benchmark must raise) before any given on the
 * command line. A server older than those flags refuses them as unknown options; then the bench starts it again
 * without the default flags it refused, and says so ({@link #droppedArgs()}), since a server without a flag also
 * lacks the limit it would raise. A flag given on the command line that the server refuses is an error.
 *
 * <p>Thread-safe.
 */
public final class ServerHandle implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerHandle.class);

    /** picocli's complaint about flags it does not know, listing each in quotes. */
    private static final Pattern UNKNOWN = Pattern.compile("Unknown options?: ((?:'[^']*'(?:, )?)+)");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private final InetSocketAddress address;
    private final OptionalLong pid;
    private final ServerProcess process;
    private final List<String> args;
    /** The data directory made for a spawned server, deleted when it stops; {@code null} if none was made. */
    private Path dataDir;
    private final List<String> droppedArgs;

    private ServerHandle(InetSocketAddress address, OptionalLong pid, ServerProcess process, List<String> args,
                         List<String> droppedArgs) {
        this.address = address;
        this.pid = pid;
        this.process = process;
        this.args = List.copyOf(args);
        this.droppedArgs = List.copyOf(droppedArgs);
    }

    /** A server someone else runs at {@code address}, with its pid if given. */
    public static ServerHandle running(InetSocketAddress address, OptionalLong pid) {
        return new ServerHandle(address, pid, null, List.of(), List.of());
    }

    /**
     * Starts {@code java [@jvm.options] -jar serverJar --bind 127.0.0.1 --port 0}, then {@code defaultArgs}, then {@code extraArgs}.
     *
     * @throws ServerStartException if it does not come up; the message says why and what to change
     */
    public static ServerHandle spawn(Path java, Path serverJar, List<String> defaultArgs, List<String> extraArgs,
                                     Duration timeout) throws ServerStartException, InterruptedException {
        if (!Files.isRegularFile(serverJar)) {
            throw new ServerStartException("no server jar at " + serverJar + "; build it with './chat build' or name "
                    + "one with --server-jar", List.of(), -1);
        }
        List<String> defaults = new ArrayList<>(defaultArgs);
        List<String> dropped = new ArrayList<>();
        // The server keeps histories on disk, as it does for users, but in a folder of its own: bench lines must
        // never land in the history of the rooms on this machine.
        Path dataDir = null;
        if (extraArgs.stream().noneMatch(arg -> arg.startsWith("--data-dir") || arg.equals("--no-data"))) {
            try {
                dataDir = Files.createTempDirectory("lanchat-bench-");
            } catch (IOException e) {
                throw new ServerStartException("cannot make a data folder for the server: " + e.getMessage(),
                        List.of(), -1);
            }
        }
        while (true) {
            List<String> args = new ArrayList<>(defaults);
            args.addAll(extraArgs);
            List<String> command = new ArrayList<>(List.of(java.toString()));
            jvmOptions(serverJar).ifPresent(options -> command.add("@" + options));
            command.addAll(List.of("-jar", serverJar.toString(), "--bind", "127.0.0.1", "--port", "0"));
            if (dataDir != null) {
                command.addAll(List.of("--data-dir", dataDir.toString()));
            }
            command.addAll(args);
            try {
                ServerProcess process = ServerProcess.start(command, timeout);
                ServerHandle handle = new ServerHandle(process.address(), OptionalLong.of(process.pid()), process,
                        args, dropped);
                handle.dataDir = dataDir;
                return handle;
            } catch (ServerStartException e) {
                Set<String> refused = unknownFlags(e.output());
                boolean onlyDefaults = !refused.isEmpty() && defaults.containsAll(refused)
                        && extraArgs.stream().noneMatch(refused::contains);
                if (e.exitStatus() == 2 && onlyDefaults) {
                    log.warn("this server does not know the bench's default flag(s) {}; starting it without them "
                            + "(a server without a flag lacks the limit it raises)", refused);
                    defaults.removeAll(refused);
                    dropped.addAll(refused);
                    continue;
                }
                deleteQuietly(dataDir);
                throw explain(e, refused, defaultArgs, extraArgs);
            }
        }
    }

    /**
     * The server's JVM flags file, as {@code ./chat server} and the Docker image use it: {@code jvm.options} beside
     * the jar (an installed layout) or in the module above {@code target/} (a build), if there is one.
     */
    static Optional<Path> jvmOptions(Path serverJar) {
        Path jar = serverJar.toAbsolutePath();
        Path beside = jar.resolveSibling("jvm.options");
        if (Files.isRegularFile(beside)) {
            return Optional.of(beside);
        }
        Path folder = jar.getParent();
        Path module = folder == null ? null : folder.getParent();
        Path built = module == null ? null : module.resolve("jvm.options");
        return built != null && Files.isRegularFile(built) ? Optional.of(built) : Optional.empty();
    }

    public InetSocketAddress address() {
        return address;
    }

    /** The server's pid, if the bench started it or was told it. */
    public OptionalLong pid() {
        return pid;
    }

    public boolean spawned() {
        return process != null;
    }

    /** The flags a spawned server was started with, after {@code --bind} and {@code --port}. */
    public List<String> args() {
        return args;
    }

    /** Default flags a spawned server refused as unknown, and was started without. */
    public List<String> droppedArgs() {
        return droppedArgs;
    }

    /** Whether the server is still running; true for one the bench did not start, which it cannot watch. */
    public boolean alive() {
        return process == null || process.isAlive();
    }

    /** The spawned server's last lines of output; empty for one the bench did not start. */
    public List<String> recentOutput() {
        return process == null ? List.of() : process.recentOutput();
    }

    /** Stops a server the bench started; leaves any other alone. */
    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
        deleteQuietly(dataDir);
        dataDir = null;
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not delete the bench server's data folder {}: {}", folder, e.getMessage());
        }
    }

    private static Set<String> unknownFlags(List<String> output) {
        Set<String> flags = new LinkedHashSet<>();
        for (String line : output) {
            Matcher unknown = UNKNOWN.matcher(line);
            if (unknown.find()) {
                Matcher quoted = QUOTED.matcher(unknown.group(1));
                while (quoted.find()) {
                    flags.add(quoted.group(1));
                }
            }
        }
        return flags;
    }

    private static ServerStartException explain(ServerStartException e, Set<String> refused, List<String> defaultArgs,
                                                List<String> extraArgs) {
        StringBuilder message = new StringBuilder(e.getMessage());
        List<String> ours = new ArrayList<>();
        List<String> theirs = new ArrayList<>();
        for (String flag : refused) {
            (defaultArgs.contains(flag) && !extraArgs.contains(flag) ? ours : theirs).add(flag);
        }
        if (!theirs.isEmpty()) {
            message.append(": it refused the flag(s) ").append(String.join(" ", theirs))
                    .append(" given with --server-arg (see './chat server --help')");
        }
        if (!ours.isEmpty()) {
            message.append(theirs.isEmpty() ? ": it" : "; it also").append(" does not know the bench's default flag(s) ")
                    .append(String.join(" ", ours)).append(" (--no-default-server-args leaves those out)");
        }
        List<String> output = e.output();
        if (!output.isEmpty()) {
            message.append("\nthe server's last output:");
            for (String line : output.subList(Math.max(0, output.size() - 15), output.size())) {
                message.append("\n  | ").append(line);
            }
        }
        return new ServerStartException(message.toString(), output, e.exitStatus());
    }
}
