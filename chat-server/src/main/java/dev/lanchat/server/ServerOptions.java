package dev.lanchat.server;

import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.Version;
import dev.lanchat.protocol.netty.Transport;
import dev.lanchat.server.netty.ConnectionLimits;
import dev.lanchat.server.room.HubSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** Every flag of {@code chat server}, with its default and help text. Turned into a {@link ServerConfig} once. */
@Command(name = "chat server",
        mixinStandardHelpOptions = true,
        versionProvider = ServerOptions.VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Hosts a chat room on your network. Friends join with 'chat client --host ADDRESS'.",
                "Stop it with Ctrl-C (or SIGTERM): every member is told, nothing already sent is lost."},
        footer = {"", "Environment:",
                "  LANCHAT_PASSWORD    the room password, when neither --password nor --password-file is given",
                "", "Examples:",
                "  chat server                         host on every interface, port 7777",
                "  chat server --port 9000 --name lab  another port and a name for the room list",
                "  chat server --bind 127.0.0.1        only this machine can join",
                "  chat server --tls --password-file ~/.chatpass   encrypted, and only for those who know it", ""})
final class ServerOptions {

    static final String PASSWORD_ENVIRONMENT = "LANCHAT_PASSWORD";

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "TCP port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = {"-b", "--bind"}, paramLabel = "ADDRESS",
            description = "Listen only on this local address (default: every interface).")
    String bind;

    @Option(names = {"-n", "--name"}, paramLabel = "NAME",
            description = "Server name shown to people who join (default: this machine's host name).")
    String name;

    @Option(names = "--motd", paramLabel = "TEXT", defaultValue = "",
            description = "Message of the day, shown to everyone who joins.")
    String motd;

    @Option(names = "--lobby", paramLabel = "ROOM", defaultValue = ServerConfig.DEFAULT_LOBBY,
            description = "Name of the room everyone enters first (default: ${DEFAULT-VALUE}).")
    String lobby;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the server keeps what outlives it: room histories, its TLS identity, the key of "
                    + "resume tokens (default: ~/.local/share/lanchat).")
    Path dataDir;

    @Option(names = "--no-data", description = "Keep nothing on disk: histories live in memory and end with the "
            + "process (no --tls without --cert then).")
    boolean noData;

    @ArgGroup(validate = false, heading = "%nHistory and reconnection:%n")
    HistoryOptions history = new HistoryOptions();

    @ArgGroup(validate = false, heading = "%nSecurity (all off by default, so a LAN room starts with one command):%n")
    Security security = new Security();

    @ArgGroup(validate = false, heading = "%nLimits (each refusal names the limit it applied):%n")
    Limits limits = new Limits();

    @ArgGroup(validate = false, heading = "%nRunning:%n")
    Running running = new Running();

    static final class Security {
        @Option(names = "--tls", description = "Serve TLS. Without --cert/--key the server makes a self-signed "
                + "certificate on first run, keeps it in the data directory, and prints its fingerprint, which "
                + "clients pin on first use.")
        boolean tls;

        @Option(names = "--cert", paramLabel = "FILE", description = "PEM certificate chain to serve (with --tls).")
        Path certificate;

        @Option(names = "--key", paramLabel = "FILE", description = "PEM private key of --cert (PKCS#8).")
        Path privateKey;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "Read the room password from the first line of FILE; clients must give it to join.")
        Path passwordFile;

        @Option(names = "--password", paramLabel = "TEXT", description = "The room password. Visible to other "
                + "users of this machine in the process list: prefer --password-file or " + PASSWORD_ENVIRONMENT + ".")
        String password;
    }

    static final class HistoryOptions {
        @Option(names = "--history-on-join", paramLabel = "N", defaultValue = ""
                + HubSettings.DEFAULT_HISTORY_ON_JOIN,
                description = "Messages of history shown on entering a room (default: ${DEFAULT-VALUE}).")
        int onJoin;

        @Option(names = "--history-max", paramLabel = "N", defaultValue = "" + HubSettings.DEFAULT_HISTORY_MAX,
                description = "Messages a room keeps at most; older ones are dropped (default: ${DEFAULT-VALUE}).")
        int max;

        @Option(names = "--history-days", paramLabel = "DAYS", defaultValue = "0",
                description = "Drop messages older than this many days; 0 keeps them by count only (default: "
                        + "${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--sync-interval", paramLabel = "SECONDS", defaultValue = "1",
                description = "How often history is forced to disk. A crash of the server process loses nothing; "
                        + "a crash of the machine loses at most this interval (default: ${DEFAULT-VALUE}).")
        double syncSeconds;

        @Option(names = "--resume-grace", paramLabel = "SECONDS", defaultValue = "60",
                description = "How long a member whose connection dropped keeps its nickname and place for its "
                        + "client to reconnect; 0 announces departures at once (default: ${DEFAULT-VALUE}).")
        double resumeGraceSeconds;
    }

    static final class Limits {
        @Option(names = "--max-frame", paramLabel = "BYTES", defaultValue = ""
                + ConnectionLimits.DEFAULT_MAX_FRAME_BYTES,
                description = "Largest message a member may send, in bytes of encoded frame (default: "
                        + "${DEFAULT-VALUE}).")
        int maxFrameBytes;

        @Option(names = "--max-connections", paramLabel = "N", defaultValue = ""
                + ConnectionLimits.DEFAULT_MAX_CONNECTIONS,
                description = "Open connections in total (default: ${DEFAULT-VALUE}).")
        int maxConnections;

        @Option(names = "--max-per-address", paramLabel = "N", defaultValue = ""
                + ConnectionLimits.DEFAULT_MAX_PER_ADDRESS,
                description = "Open connections from one address, loopback included; raise it for load tests "
                        + "(default: ${DEFAULT-VALUE}).")
        int maxPerAddress;

        @Option(names = "--max-joining", paramLabel = "N", defaultValue = ""
                + ConnectionLimits.DEFAULT_MAX_HANDSHAKING,
                description = "Connections at once that have not finished joining (default: ${DEFAULT-VALUE}).")
        int maxHandshaking;

        @Option(names = "--handshake-timeout", paramLabel = "SECONDS", defaultValue = "10",
                description = "Time a new connection has to send its hello (default: ${DEFAULT-VALUE}).")
        double handshakeSeconds;

        @Option(names = "--ping-after", paramLabel = "SECONDS", defaultValue = "60",
                description = "Silence after which the server pings a member (default: ${DEFAULT-VALUE}).")
        double pingAfterSeconds;

        @Option(names = "--ping-timeout", paramLabel = "SECONDS", defaultValue = "30",
                description = "Time a member has to answer; then it leaves with 'ping timeout' "
                        + "(default: ${DEFAULT-VALUE}).")
        double pingTimeoutSeconds;

        @Option(names = "--send-queue", paramLabel = "BYTES", defaultValue = ""
                + ConnectionLimits.DEFAULT_SEND_QUEUE_BYTES,
                description = "Bytes queued for a member that does not read, past which it is disconnected with "
                        + "'send queue exceeded' (default: ${DEFAULT-VALUE}).")
        int sendQueueBytes;

        @Option(names = "--stuck-timeout", paramLabel = "SECONDS", defaultValue = "10",
                description = "Time a member may leave a full send queue unread before it is disconnected "
                        + "(default: ${DEFAULT-VALUE}).")
        double stuckSeconds;

        @Option(names = "--flood-rate", paramLabel = "PER_SECOND", defaultValue = ""
                + ConnectionLimits.DEFAULT_FLOOD_RATE,
                description = "Messages a second a member may send on average; faster senders are slowed down, "
                        + "never dropped (default: ${DEFAULT-VALUE}).")
        double floodRate;

        @Option(names = "--flood-burst", paramLabel = "N", defaultValue = "" + ConnectionLimits.DEFAULT_FLOOD_BURST,
                description = "Messages a member may send at once before the rate applies (default: "
                        + "${DEFAULT-VALUE}).")
        int floodBurst;
    }

    static final class Running {
        @Option(names = "--io-threads", paramLabel = "N",
                description = "Threads for network I/O (default: one per CPU core).")
        Integer ioThreads;

        @Option(names = "--transport", paramLabel = "KIND", defaultValue = "auto",
                description = "Socket transport: auto, epoll, io_uring or nio (default: ${DEFAULT-VALUE}, which "
                        + "picks epoll on Linux and nio elsewhere).")
        String transport;

        @Option(names = "--shutdown-grace", paramLabel = "SECONDS", defaultValue = "3",
                description = "On shutdown, how long to wait for goodbyes to reach slow clients before cutting "
                        + "them off (default: ${DEFAULT-VALUE}).")
        double shutdownGraceSeconds;

        @Option(names = {"-q", "--quiet"}, description = "Log only warnings and errors.")
        boolean quiet;

        @Option(names = "--debug", description = "Log every connection event, for troubleshooting.")
        boolean debug;

        @Option(names = "--no-console",
                description = "Do not read operator commands from the terminal, even when there is one. Without "
                        + "a terminal (a service, a container, input from a pipe) there is no console anyway.")
        boolean noConsole;
    }

    @Option(names = "--no-advertise",
            description = "Do not advertise the room on the LAN (DNS-SD over multicast DNS, type _lanchat._tcp); "
                    + "clients then need --host to find it.")
    boolean noAdvertise;

    /** Builds the configuration; an invalid value throws {@link IllegalArgumentException} naming it. */
    ServerConfig toConfig() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        InetSocketAddress listen = bind == null || bind.isBlank()
                ? new InetSocketAddress(port)
                : new InetSocketAddress(resolve(bind), port);
        int threads = running.ioThreads == null ? Math.max(1, Runtime.getRuntime().availableProcessors())
                : running.ioThreads;
        ConnectionLimits connectionLimits = new ConnectionLimits(limits.maxFrameBytes, limits.maxConnections,
                limits.maxPerAddress, limits.maxHandshaking, seconds("--handshake-timeout", limits.handshakeSeconds),
                seconds("--ping-after", limits.pingAfterSeconds), seconds("--ping-timeout", limits.pingTimeoutSeconds),
                limits.sendQueueBytes, seconds("--stuck-timeout", limits.stuckSeconds),
                ConnectionLimits.DEFAULT_SOCKET_SEND_BUFFER, limits.floodRate, limits.floodBurst);
        ServerConfig.Tls tls = security.tls
                ? new ServerConfig.Tls(true, security.certificate, security.privateKey)
                : new ServerConfig.Tls(false, security.certificate, security.privateKey);
        if (noData && dataDir != null) {
            throw new IllegalArgumentException("--no-data and --data-dir contradict each other");
        }
        if (history.days < 0) {
            throw new IllegalArgumentException("--history-days must not be negative: " + history.days);
        }
        ServerConfig.History historySettings = new ServerConfig.History(history.onJoin, history.max,
                Duration.ofDays(history.days), seconds("--sync-interval", history.syncSeconds));
        Path data = noData ? null : dataDir == null ? ServerConfig.defaultDataDir() : dataDir;
        return new ServerConfig(listen, name == null ? defaultName() : name, motd, lobby, threads,
                Transport.parse(running.transport), seconds("--shutdown-grace", running.shutdownGraceSeconds),
                connectionLimits, tls, password(), data, historySettings,
                seconds("--resume-grace", history.resumeGraceSeconds));
    }

    /** The room password from --password, --password-file or the environment, in that order; null if none. */
    private String password() {
        if (security.password != null) {
            return security.password;
        }
        if (security.passwordFile != null) {
            try {
                String text = Files.readString(security.passwordFile, StandardCharsets.UTF_8);
                String firstLine = text.lines().findFirst().orElse("");
                if (firstLine.isEmpty()) {
                    throw new IllegalArgumentException("the password file " + security.passwordFile + " is empty");
                }
                return firstLine;
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the password file " + security.passwordFile + ": "
                        + e.getMessage());
            }
        }
        String fromEnvironment = System.getenv(PASSWORD_ENVIRONMENT);
        return fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment;
    }

    private static Duration seconds(String flag, double value) {
        if (!(value >= 0) || value > 86_400) {
            throw new IllegalArgumentException(flag + " must be between 0 and 86400 seconds: " + value);
        }
        return Duration.ofMillis(Math.round(value * 1000));
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve bind address '" + host + "'");
        }
    }

    private static String defaultName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "lanchat";
            }
        }
        return host.length() > 64 ? host.substring(0, 64) : host;
    }

    /** Reports the build's version for {@code --version}. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"chat server (lanchat) " + Version.current(),
                    "protocol version " + Protocol.VERSION,
                    "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")};
        }
    }
}
