package dev.lanchat.server;

import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.Version;
import dev.lanchat.protocol.netty.Transport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
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
        footer = {"", "Examples:",
                "  chat server                         host on every interface, port 7777",
                "  chat server --port 9000 --name lab  another port and a name for the room list",
                "  chat server --bind 127.0.0.1        only this machine can join", ""})
final class ServerOptions {

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

    @Option(names = "--max-frame", paramLabel = "BYTES", defaultValue = "" + ServerConfig.DEFAULT_MAX_FRAME_BYTES,
            description = "Largest message a client may send, in bytes of encoded frame (default: ${DEFAULT-VALUE}).")
    int maxFrameBytes;

    @Option(names = "--io-threads", paramLabel = "N",
            description = "Threads for network I/O (default: one per CPU core).")
    Integer ioThreads;

    @Option(names = "--transport", paramLabel = "KIND", defaultValue = "auto",
            description = "Socket transport: auto, epoll, io_uring or nio (default: ${DEFAULT-VALUE}, which picks "
                    + "epoll on Linux and nio elsewhere).")
    String transport;

    @Option(names = "--shutdown-grace", paramLabel = "SECONDS",
            defaultValue = "" + 4,
            description = "On shutdown, how long to wait for goodbyes to reach slow clients (default: ${DEFAULT-VALUE}).")
    int shutdownGraceSeconds;

    @Option(names = {"-q", "--quiet"}, description = "Log only warnings and errors.")
    boolean quiet;

    @Option(names = "--debug", description = "Log every connection event, for troubleshooting.")
    boolean debug;

    @Option(names = "--no-advertise",
            description = "Do not advertise the room on the LAN (DNS-SD over multicast DNS, type _lanchat._tcp); "
                    + "clients then need --host to find it.")
    boolean noAdvertise;

    /** Builds the configuration; an invalid combination throws {@link IllegalArgumentException} naming the value. */
    ServerConfig toConfig() {
        InetSocketAddress listen = bind == null || bind.isBlank()
                ? new InetSocketAddress(port)
                : new InetSocketAddress(resolve(bind), port);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        int threads = ioThreads == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : ioThreads;
        return new ServerConfig(listen, name == null ? defaultName() : name, motd, lobby, maxFrameBytes, threads,
                Transport.parse(transport), Duration.ofSeconds(shutdownGraceSeconds));
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
