package dev.lanchat.client;

import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.Version;
import dev.lanchat.client.net.KnownServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** Every flag of {@code chat client}, with its default and help text. Turned into a {@link ClientConfig} once. */
@Command(name = "chat client",
        mixinStandardHelpOptions = true,
        versionProvider = ClientOptions.VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Joins a chat room. Type to chat; /help lists the commands; 'quit' or Ctrl-D leaves.",
                "When input is not a terminal, it reads lines from it and prints each event as a plain line, so "
                        + "scripts can chat too: printf 'hello\\nquit\\n' | chat client --nick bot"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:you left (quit, /quit, Ctrl-D, end of input)",
                "1:the connection failed or was lost, or the server closed it",
                "2:bad command-line arguments",
                "3:the server refused to let you in (nickname, version)"},
        footer = {"", "Examples:",
                "  chat client                                   find a room on the LAN (or this machine) and join",
                "  chat client --host 192.168.1.20 --nick ada    join a friend's server", ""})
final class ClientOptions {

    @Option(names = {"-H", "--host"}, paramLabel = "HOST", defaultValue = ClientConfig.DEFAULT_HOST,
            description = "Server host name or address. Without it, the client looks for rooms on the LAN and "
                    + "joins the one it finds (or lets you choose), else a server on this machine.")
    String host;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "" + ClientConfig.DEFAULT_PORT,
            description = "Server port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = {"-n", "--nick"}, paramLabel = "NICK",
            description = "Your nickname: 1-24 letters, digits, '_', '-' or '.'. Asked for if not given.")
    String nick;

    @Option(names = "--plain",
            description = "Line mode even on a terminal: no line editor, no colours, one plain line per event.")
    boolean plain;

    @Option(names = "--no-color",
            description = "No colours or styles (also when the NO_COLOR environment variable is set).")
    boolean noColor;

    @Option(names = "--history-file", paramLabel = "FILE",
            description = "Where typed lines are kept between runs (default: ~/.local/state/lanchat/history).")
    Path historyFile;

    @Option(names = "--no-history", description = "Keep no history of typed lines.")
    boolean noHistory;

    @Option(names = "--settings-file", paramLabel = "FILE",
            description = "Where /ignore and /bell keep their settings between runs (default: "
                    + "~/.local/state/lanchat/settings).")
    Path settingsFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long to wait for the server to answer (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--tls", description = "Connect over TLS. The server's certificate is pinned on the first "
            + "connection, like SSH host keys, and must match on every later one.")
    boolean tls;

    @Option(names = "--fingerprint", paramLabel = "SHA256",
            description = "The server's certificate fingerprint, as the server prints it; implies --tls. For "
                    + "scripts, and for a server whose certificate changed.")
    String fingerprint;

    @Option(names = "--known-servers", paramLabel = "FILE",
            description = "Where pinned fingerprints are kept (default: ~/.local/state/lanchat/known_servers).")
    Path knownServers;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the room password from the first line of FILE (also: the LANCHAT_PASSWORD "
                    + "environment variable). Asked for when the room needs one and neither is given.")
    Path passwordFile;

    @Option(names = "--reconnect", negatable = true,
            description = "After a lost connection, reconnect and resume: same nickname, same room, and the "
                    + "messages missed (default: on at a terminal, off for scripts).")
    Boolean reconnect;

    @Option(names = "--log-file", paramLabel = "FILE",
            description = "Write a diagnostic log to FILE (default: no log; the terminal is never written to).")
    Path logFile;

    @Option(names = "--discover-on", paramLabel = "ADDRESS",
            description = "Without --host, look for rooms only on the network of this local address (default: every "
                    + "network interface that is up).")
    String discoverOn;

    /** Builds the configuration; an invalid value throws {@link IllegalArgumentException} naming it. */
    ClientConfig toConfig() {
        boolean color = !noColor && System.getenv("NO_COLOR") == null;
        Path history = noHistory ? null : historyFile != null ? historyFile : defaultHistoryFile();
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("timeout must be at least 1 second: " + timeoutSeconds);
        }
        String pinned = fingerprint == null ? null : KnownServers.normalise(fingerprint);
        return new ClientConfig(host, port, nick, plain, color, history, Duration.ofSeconds(timeoutSeconds),
                tls || pinned != null, pinned, knownServers != null ? knownServers : stateDir().resolve("known_servers"),
                password(), reconnect != null ? reconnect : !plain,
                settingsFile != null ? settingsFile : stateDir().resolve("settings"));
    }

    /** The room password from --password-file or the environment; {@code null} if neither gives one. */
    private String password() {
        if (passwordFile != null) {
            try {
                String firstLine = Files.readString(passwordFile, StandardCharsets.UTF_8).lines().findFirst()
                        .orElse("");
                if (firstLine.isEmpty()) {
                    throw new IllegalArgumentException("the password file " + passwordFile + " is empty");
                }
                return firstLine;
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the password file " + passwordFile + ": "
                        + e.getMessage());
            }
        }
        String fromEnvironment = System.getenv("LANCHAT_PASSWORD");
        return fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment;
    }

    private static Path defaultHistoryFile() {
        return stateDir().resolve("history");
    }

    /** {@code $XDG_STATE_HOME/lanchat}, or {@code ~/.local/state/lanchat}. */
    private static Path stateDir() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank()
                ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("lanchat");
    }

    /** Reports the build's version for {@code --version}. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"chat client (lanchat) " + Version.current(),
                    "protocol version " + Protocol.VERSION,
                    "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")};
        }
    }
}
