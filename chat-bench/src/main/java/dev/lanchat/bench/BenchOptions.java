package dev.lanchat.bench;

import dev.lanchat.bench.fanout.FanoutPlan;
import dev.lanchat.bench.fanout.SaturationPlan;
import dev.lanchat.bench.scale.ScalePlan;
import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.Version;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;

/**
 * Every flag of {@code chat bench}, with its default and help text. Turned into a {@link BenchConfig} once; a flag
 * that does not apply to the chosen scenario is refused rather than silently ignored.
 */
@Command(name = "chat bench",
        mixinStandardHelpOptions = true,
        versionProvider = BenchOptions.VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Loads a lanchat server over the real protocol and reports what it sustains.",
                "  fanout      receivers and senders in one room: messages/s, deliveries/s, end-to-end latency, "
                        + "and a check that no line is lost, duplicated or reordered",
                "  saturation  fan-out at rising fixed rates, to find the highest the server sustains",
                "  scale       many idle members: join rate, server memory, one broadcast to all",
                "Without --host/--port it starts its own server (chat-server.jar, a separate JVM) on 127.0.0.1 and "
                        + "stops it at the end. Only loopback addresses may be targets.",
                "Prints a table, then one line of JSON. Figures from one machine running both sides are indicative."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the run completed and every check passed",
                "1:the run could not be done (server did not start, members could not join)",
                "2:bad command-line arguments",
                "3:the run completed but a check failed (lost, duplicated or reordered lines, disconnects)"},
        footer = {"", "Examples:",
                "  chat bench fanout                           100 receivers, 10 senders, closed loop, 10 s",
                "  chat bench fanout --rate 1000               the same at 1000 lines/s in all",
                "  chat bench saturation                       the highest fixed rate that keeps up",
                "  chat bench scale --clients 10000            10000 idle members",
                "  chat bench fanout --port 7777               load a server you started yourself", ""})
final class BenchOptions {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "fanout, saturation or scale.")
    Scenario scenario;

    // Target.

    @Option(names = {"-H", "--host"}, paramLabel = "HOST",
            description = "Load a running server at this loopback address (127.0.0.0/8, ::1, localhost) instead of "
                    + "starting one.")
    String host;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT",
            description = "The running server's port (default with --host: " + Protocol.DEFAULT_PORT + ").")
    Integer port;

    @Option(names = "--server-pid", paramLabel = "PID",
            description = "The running server's pid, so that scale can read its memory.")
    Long serverPid;

    @Option(names = "--server-jar", paramLabel = "FILE",
            description = "The server to start (default: chat-server/target/chat-server.jar beside this bench).")
    Path serverJar;

    @Option(names = "--server-arg", paramLabel = "ARG",
            description = "A flag for the server the bench starts; repeat for each, e.g. --server-arg=--io-threads=1. "
                    + "Comes after the defaults: --max-per-address=1000000 --flood-rate=1000000 "
                    + "--flood-burst=1000000 (which raise limits that would throttle a benchmark; a server that "
                    + "does not know them is started without them).")
    List<String> serverArgs = new ArrayList<>();

    @Option(names = "--no-default-server-args", description = "Start the server without the default flags above.")
    boolean noDefaultServerArgs;

    @Option(names = "--io-threads", paramLabel = "N",
            description = "The bench's own I/O threads (default: one per CPU core).")
    Integer ioThreads;

    // Fan-out and saturation.

    @Option(names = {"-r", "--receivers"}, paramLabel = "R",
            description = "[fanout, saturation] Members that only listen (default: " + FanoutPlan.DEFAULT_RECEIVERS
                    + ").")
    Integer receivers;

    @Option(names = {"-s", "--senders"}, paramLabel = "S",
            description = "[fanout, saturation] Members that talk (and listen) (default: " + FanoutPlan.DEFAULT_SENDERS
                    + ").")
    Integer senders;

    @Option(names = "--size", paramLabel = "BYTES",
            description = "[fanout, saturation] Bytes of text per line (default: " + FanoutPlan.DEFAULT_TEXT_BYTES
                    + ").")
    Integer size;

    @Option(names = "--rate", paramLabel = "N",
            description = "[fanout] Lines per second from all senders together (default: closed loop, see --window).")
    Integer rate;

    @Option(names = "--window", paramLabel = "W",
            description = "[fanout] Closed loop: lines each sender keeps in flight; it learns a line was broadcast "
                    + "from its own echo, and stays within 4 windows of the slowest member (default: "
                    + FanoutPlan.DEFAULT_WINDOW + ").")
    Integer window;

    @Option(names = "--warmup", paramLabel = "SECONDS",
            description = "[fanout, saturation] Sending before the figures count (default: "
                    + FanoutPlan.DEFAULT_WARMUP_SECONDS + "; per step for saturation: "
                    + SaturationPlan.DEFAULT_STEP_WARMUP_SECONDS + ").")
    Double warmupSeconds;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "[fanout, saturation] Measured sending after the warm-up (default: "
                    + FanoutPlan.DEFAULT_MEASURE_SECONDS + "; per step for saturation: "
                    + SaturationPlan.DEFAULT_STEP_MEASURE_SECONDS + ").")
    Double durationSeconds;

    @Option(names = "--drain", paramLabel = "SECONDS",
            description = "[fanout, saturation] After sending stops, how long to wait for every line to arrive "
                    + "(default: " + FanoutPlan.DEFAULT_DRAIN_SECONDS + "; per step for saturation: "
                    + SaturationPlan.DEFAULT_STEP_DRAIN_SECONDS + ").")
    Double drainSeconds;

    @Option(names = "--prime", paramLabel = "SECONDS",
            description = "[fanout, saturation] Closed-loop run first, not counted, so that both JVMs have compiled "
                    + "their hot paths before anything is measured; 0 skips it (default: "
                    + BenchConfig.DEFAULT_PRIME_SECONDS + ").")
    Double primeSeconds;

    // Saturation.

    @Option(names = "--start-rate", paramLabel = "N",
            description = "[saturation] The first rate tried, in lines/s (default: " + SaturationPlan.DEFAULT_START_RATE
                    + ").")
    Integer startRate;

    @Option(names = "--max-rate", paramLabel = "N",
            description = "[saturation] The highest rate tried (default: " + SaturationPlan.DEFAULT_MAX_RATE + ").")
    Integer maxRate;

    @Option(names = "--p99-limit", paramLabel = "MS",
            description = "[saturation] A rate whose p99 latency is above this does not count as sustained "
                    + "(default: " + SaturationPlan.DEFAULT_P99_LIMIT_MILLIS + ").")
    Integer p99LimitMillis;

    @Option(names = "--refine", paramLabel = "N",
            description = "[saturation] Bisection steps after the doubling (default: "
                    + SaturationPlan.DEFAULT_REFINE_STEPS + ").")
    Integer refineSteps;

    // Scale.

    @Option(names = {"-c", "--clients"}, paramLabel = "C",
            description = "[scale] Idle members to connect (default: " + ScalePlan.DEFAULT_CLIENTS + ").")
    Integer clients;

    @Option(names = "--connect-concurrency", paramLabel = "N",
            description = "[scale] Handshakes under way at once (default: " + ScalePlan.DEFAULT_CONCURRENCY + ").")
    Integer concurrency;

    @Option(names = "--source-addresses", paramLabel = "N",
            description = "[scale] Loopback addresses (127.0.0.1, 127.0.0.2, ...) to spread connections over, to "
                    + "stay clear of the ephemeral port limit (default: one per "
                    + ScalePlan.CLIENTS_PER_SOURCE_ADDRESS + " clients).")
    Integer sourceAddresses;

    @Option(names = "--broadcasts", paramLabel = "N",
            description = "[scale] Broadcasts to time, one after another (default: " + ScalePlan.DEFAULT_BROADCASTS
                    + ").")
    Integer broadcasts;

    @Option(names = "--join-timeout", paramLabel = "SECONDS",
            description = "[scale] Time allowed for all members to join, and again for the join notices to settle "
                    + "(default: " + ScalePlan.DEFAULT_JOIN_TIMEOUT_SECONDS + ").")
    Double joinTimeoutSeconds;

    @Option(names = {"-v", "--verbose"}, description = "Log more, including the spawned server's output.")
    boolean verbose;

    /** The scenarios each scenario-specific flag applies to, by its longest name. */
    private static final Map<String, Set<Scenario>> APPLIES_TO = new LinkedHashMap<>();

    static {
        Set<Scenario> room = EnumSet.of(Scenario.FANOUT, Scenario.SATURATION);
        for (String name : List.of("--receivers", "--senders", "--size", "--warmup", "--duration", "--drain",
                "--prime")) {
            APPLIES_TO.put(name, room);
        }
        for (String name : List.of("--rate", "--window")) {
            APPLIES_TO.put(name, EnumSet.of(Scenario.FANOUT));
        }
        for (String name : List.of("--start-rate", "--max-rate", "--p99-limit", "--refine")) {
            APPLIES_TO.put(name, EnumSet.of(Scenario.SATURATION));
        }
        for (String name : List.of("--clients", "--connect-concurrency", "--source-addresses", "--broadcasts",
                "--join-timeout")) {
            APPLIES_TO.put(name, EnumSet.of(Scenario.SCALE));
        }
    }

    /**
     * Builds the configuration; a flag the scenario does not use, or an invalid value, throws
     * {@link IllegalArgumentException} naming it.
     */
    BenchConfig toConfig(ParseResult parsed) {
        for (OptionSpec option : parsed.matchedOptions()) {
            Set<Scenario> scenarios = APPLIES_TO.get(option.longestName());
            if (scenarios != null && !scenarios.contains(scenario)) {
                throw new IllegalArgumentException(option.longestName() + " does not apply to " + scenario
                        + " (only to " + join(scenarios) + ")");
            }
        }
        Target target = target();
        int threads = ioThreads == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : ioThreads;
        Duration prime = scenario == Scenario.SCALE ? Duration.ZERO
                : seconds("--prime", primeSeconds, BenchConfig.DEFAULT_PRIME);
        switch (scenario) {
            case FANOUT:
                return new BenchConfig(scenario, target, threads, prime, fanoutPlan(FanoutPlan.DEFAULT_WARMUP,
                        FanoutPlan.DEFAULT_MEASURE, FanoutPlan.DEFAULT_DRAIN, rate == null ? 0 : rate), null, null);
            case SATURATION:
                FanoutPlan step = fanoutPlan(SaturationPlan.DEFAULT_STEP_WARMUP, SaturationPlan.DEFAULT_STEP_MEASURE,
                        SaturationPlan.DEFAULT_STEP_DRAIN, or(startRate, SaturationPlan.DEFAULT_START_RATE));
                return new BenchConfig(scenario, target, threads, prime, null, new SaturationPlan(step,
                        or(startRate, SaturationPlan.DEFAULT_START_RATE), or(maxRate, SaturationPlan.DEFAULT_MAX_RATE),
                        p99LimitMillis == null ? SaturationPlan.DEFAULT_P99_LIMIT : Duration.ofMillis(p99LimitMillis),
                        or(refineSteps, SaturationPlan.DEFAULT_REFINE_STEPS)), null);
            default:
                return new BenchConfig(scenario, target, threads, prime, null, null, new ScalePlan(
                        or(clients, ScalePlan.DEFAULT_CLIENTS), or(concurrency, ScalePlan.DEFAULT_CONCURRENCY),
                        or(sourceAddresses, 0), or(broadcasts, ScalePlan.DEFAULT_BROADCASTS),
                        seconds("--join-timeout", joinTimeoutSeconds, ScalePlan.DEFAULT_JOIN_TIMEOUT)));
        }
    }

    private FanoutPlan fanoutPlan(Duration warmup, Duration measure, Duration drain, int offeredRate) {
        return new FanoutPlan(or(receivers, FanoutPlan.DEFAULT_RECEIVERS), or(senders, FanoutPlan.DEFAULT_SENDERS),
                or(size, FanoutPlan.DEFAULT_TEXT_BYTES), offeredRate, or(window, FanoutPlan.DEFAULT_WINDOW),
                seconds("--warmup", warmupSeconds, warmup), seconds("--duration", durationSeconds, measure),
                seconds("--drain", drainSeconds, drain));
    }

    private Target target() {
        if (host == null && port == null) {
            if (serverPid != null) {
                throw new IllegalArgumentException("--server-pid is for a server you started (with --host/--port); "
                        + "the bench knows the pid of the one it starts");
            }
            List<String> defaults = noDefaultServerArgs ? List.of() : BenchConfig.DEFAULT_SERVER_ARGS;
            return new Target.Spawn(serverJar != null ? serverJar : defaultServerJar(), defaults, serverArgs);
        }
        if (serverJar != null || !serverArgs.isEmpty() || noDefaultServerArgs) {
            throw new IllegalArgumentException("--server-jar, --server-arg and --no-default-server-args are for the "
                    + "server the bench starts, not one given with --host/--port");
        }
        int targetPort = port == null ? Protocol.DEFAULT_PORT : port;
        if (targetPort < 1 || targetPort > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535: " + targetPort);
        }
        return new Target.Running(new InetSocketAddress(loopback(host == null ? "127.0.0.1" : host), targetPort),
                serverPid == null ? OptionalLong.empty() : OptionalLong.of(serverPid));
    }

    /** Resolves {@code name}, refusing it unless every address it has is a loopback address. */
    private static InetAddress loopback(String name) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve host '" + name + "'");
        }
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("refusing to target '" + name + "' (" + address.getHostAddress()
                        + "): the bench only loads servers on this machine's loopback addresses (127.0.0.0/8, ::1)");
            }
        }
        for (InetAddress address : addresses) {
            if (address instanceof Inet4Address) {
                return address;
            }
        }
        return addresses[0];
    }

    /** chat-server/target/chat-server.jar in the project this bench was built in (from its jar or classes folder). */
    private static Path defaultServerJar() {
        Path relative = Path.of("chat-server", "target", "chat-server.jar");
        CodeSource source = BenchOptions.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            try {
                // .../chat-bench/target/chat-bench.jar or .../chat-bench/target/classes: the project is 3 levels up.
                Path project = Path.of(source.getLocation().toURI()).toAbsolutePath();
                for (int up = 0; up < 3 && project != null; up++) {
                    project = project.getParent();
                }
                if (project != null) {
                    return project.resolve(relative);
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // Not a file location: fall back to the working directory.
            }
        }
        return relative.toAbsolutePath();
    }

    private static Duration seconds(String flag, Double value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value >= 0) || value > 86_400) {
            throw new IllegalArgumentException(flag + " must be between 0 and 86400 seconds: " + value);
        }
        return Duration.ofNanos(Math.round(value * 1e9));
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static String join(Set<Scenario> scenarios) {
        List<String> names = new ArrayList<>();
        scenarios.forEach(s -> names.add(s.toString()));
        return String.join(" and ", names);
    }

    /** Reports the build's version for {@code --version}. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"chat bench (lanchat) " + Version.current(),
                    "protocol version " + Protocol.VERSION,
                    "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")};
        }
    }
}
