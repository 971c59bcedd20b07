package dev.lanchat.bench;

import ch.qos.logback.classic.Level;
import dev.lanchat.bench.fanout.FanoutReports;
import dev.lanchat.bench.fanout.FanoutResult;
import dev.lanchat.bench.fanout.FanoutRun;
import dev.lanchat.bench.fanout.Priming;
import dev.lanchat.bench.fanout.SaturationResult;
import dev.lanchat.bench.fanout.SaturationRun;
import dev.lanchat.bench.net.ClientFleet;
import dev.lanchat.bench.net.JoinException;
import dev.lanchat.bench.report.Report;
import dev.lanchat.bench.scale.ScaleReports;
import dev.lanchat.bench.scale.ScaleResult;
import dev.lanchat.bench.scale.ScaleRun;
import dev.lanchat.bench.server.FileLimits;
import dev.lanchat.bench.server.ServerHandle;
import dev.lanchat.bench.server.ServerStartException;
import dev.lanchat.protocol.Version;
import dev.lanchat.protocol.netty.Transport;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * {@code chat bench}: parses the flags, starts the server unless told where one runs, runs the scenario, prints its
 * table and its JSON line to standard output, and stops the server. Progress goes to standard error. Exit status:
 * 0 when every check passed, 1 when the run could not be done, 2 on a bad flag, 3 when a check failed.
 */
public final class BenchMain {

    private static final Logger log = LoggerFactory.getLogger(BenchMain.class);

    /** Open files the bench and a server it starts need beyond one per connection: jars, pipes, epoll, sockets. */
    private static final int SPARE_FILES = 200;

    private final BenchConfig config;
    private final PrintStream out;
    private final PrintStream err;

    BenchMain(BenchConfig config, PrintStream out, PrintStream err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        BenchOptions options = new BenchOptions();
        CommandLine cli = new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true)
                // --server-arg=--io-threads=1 names one of the bench's own options as the value: it is still a value.
                .setAllowOptionsAsOptionParameters(true);
        ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (ParameterException e) {
            err.println("chat bench: " + e.getMessage() + " (see 'chat bench --help')");
            return 2;
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(out);
            return 0;
        }
        if (cli.isVersionHelpRequested()) {
            cli.printVersionHelp(out);
            return 0;
        }
        BenchConfig config;
        try {
            config = options.toConfig(parsed);
        } catch (IllegalArgumentException e) {
            err.println("chat bench: " + e.getMessage() + " (see 'chat bench --help')");
            return 2;
        }
        if (options.verbose) {
            setLogLevel("dev.lanchat.bench", Level.DEBUG);
        }
        return new BenchMain(config, out, err).execute();
    }

    /** Runs the configured scenario; returns the exit status. */
    int execute() {
        String shortfall = FileLimits.shortfall(config.connections() + SPARE_FILES,
                config.scenario() + " with " + config.connections() + " connections");
        if (shortfall != null) {
            err.println("chat bench: " + shortfall);
            return 1;
        }
        ServerHandle server;
        try {
            server = openServer();
        } catch (ServerStartException e) {
            err.println("chat bench: cannot start the server: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        // A child process outlives the JVM unless stopped: Ctrl-C must not leave a server behind.
        Thread stopServer = new Thread(server::close, "stop-server");
        Runtime.getRuntime().addShutdownHook(stopServer);
        try (ClientFleet fleet = new ClientFleet(Transport.best(), config.ioThreads())) {
            Outcome outcome = runScenario(fleet, server);
            describeSetup(outcome.report, server);
            boolean passed = outcome.passed;
            if (!server.alive()) {
                passed = false;
                outcome.report.note("the server exited during the run; its last output: "
                        + String.join(" | ", server.recentOutput()));
            }
            outcome.report.print(out);
            out.println(outcome.report.jsonLine());
            out.flush();
            return passed ? 0 : 3;
        } catch (JoinException e) {
            err.println("chat bench: members could not join: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("chat bench: interrupted");
            return 1;
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopServer);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or will run; the server is stopped either way.
            }
        }
    }

    private ServerHandle openServer() throws ServerStartException, InterruptedException {
        Target target = config.target();
        if (target instanceof Target.Running) {
            Target.Running running = (Target.Running) target;
            return ServerHandle.running(running.address(), running.pid());
        }
        Target.Spawn spawn = (Target.Spawn) target;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return ServerHandle.spawn(java, spawn.serverJar(), spawn.defaultArgs(), spawn.extraArgs(),
                BenchConfig.SERVER_START_TIMEOUT);
    }

    private Outcome runScenario(ClientFleet fleet, ServerHandle server) throws JoinException, InterruptedException {
        InetSocketAddress address = server.address();
        String tag = runTag();
        switch (config.scenario()) {
            case FANOUT:
                Priming.run(fleet, address, config.fanout(), config.prime(), tag + "p");
                FanoutResult fanout = new FanoutRun(fleet, address, config.fanout(), tag, server.pid()).run();
                return new Outcome(FanoutReports.fanout(fanout), fanout.intact());
            case SATURATION:
                Priming.run(fleet, address, config.saturation().step(), config.prime(), tag + "p");
                SaturationResult saturation = new SaturationRun(fleet, address, config.saturation(), tag, server.pid())
                        .run();
                return new Outcome(FanoutReports.saturation(saturation), saturation.intact());
            default:
                ScaleResult scale = new ScaleRun(fleet, address, config.scale(), server.pid(), tag).run();
                return new Outcome(ScaleReports.scale(scale), scale.complete());
        }
    }

    private void describeSetup(Report report, ServerHandle server) {
        InetSocketAddress address = server.address();
        String where = address.getAddress().getHostAddress() + ":" + address.getPort();
        int cores = Runtime.getRuntime().availableProcessors();
        Transport transport = Transport.best();
        if (server.spawned()) {
            report.row("server", "started by the bench: pid " + server.pid().getAsLong() + ", " + where + ", flags "
                    + (server.args().isEmpty() ? "none" : String.join(" ", server.args())));
            if (!server.droppedArgs().isEmpty()) {
                report.note("this server does not know the default flag(s) " + String.join(" ", server.droppedArgs())
                        + ", so it was started without them (and has no such limits to raise)");
            }
        } else {
            report.row("server", "running at " + where
                    + (server.pid().isPresent() ? ", pid " + server.pid().getAsLong() : ""));
        }
        report.row("bench", transport + " transport, " + config.ioThreads() + " I/O thread(s); " + cores
                + " CPU cores shared with the server");
        if (!config.prime().isZero()) {
            report.row("primed", Report.seconds(config.prime().toMillis() / 1000.0) + " of closed loop before the run "
                    + "(warms up both JVMs; not counted)");
        }
        report.note("bench and server share this machine, so figures are indicative; compare runs made alike");

        Map<String, Object> serverJson = new LinkedHashMap<>();
        serverJson.put("address", where);
        serverJson.put("spawned", server.spawned());
        serverJson.put("pid", server.pid().isPresent() ? server.pid().getAsLong() : null);
        serverJson.put("args", server.args());
        serverJson.put("droppedArgs", server.droppedArgs());
        report.put("server", serverJson);
        Map<String, Object> benchJson = new LinkedHashMap<>();
        benchJson.put("version", Version.current());
        benchJson.put("transport", transport.toString());
        benchJson.put("ioThreads", config.ioThreads());
        benchJson.put("cores", cores);
        benchJson.put("java", System.getProperty("java.version"));
        benchJson.put("primeSeconds", config.prime().toMillis() / 1000.0);
        report.put("bench", benchJson);
    }

    /** A short prefix for this run's nicknames: a letter and three base-36 digits, random. */
    private static String runTag() {
        int value = ThreadLocalRandom.current().nextInt(36 * 36 * 36);
        String digits = Integer.toString(value, 36);
        return "b" + "0".repeat(3 - digits.length()) + digits;
    }

    private static void setLogLevel(String loggerName, Level level) {
        org.slf4j.Logger logger = LoggerFactory.getLogger(loggerName);
        if (logger instanceof ch.qos.logback.classic.Logger) {
            ((ch.qos.logback.classic.Logger) logger).setLevel(level);
        } else {
            log.debug("not logback; cannot set the level of {}", loggerName);
        }
    }

    /** A scenario's report and whether its checks passed. */
    private record Outcome(Report report, boolean passed) {
    }
}
