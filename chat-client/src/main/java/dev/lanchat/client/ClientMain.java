package dev.lanchat.client;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import dev.lanchat.client.console.ChatView;
import dev.lanchat.client.console.Console;
import dev.lanchat.client.console.JLineConsole;
import dev.lanchat.client.console.LocalCommands;
import dev.lanchat.client.console.LocalSettings;
import dev.lanchat.client.console.PlainConsole;
import dev.lanchat.client.console.Renderer;
import dev.lanchat.client.console.RoomState;
import dev.lanchat.protocol.StandardStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/**
 * {@code chat client}: parses the flags, picks the console (a line editor on a terminal, plain lines on a pipe), and
 * runs a {@link ChatSession}. The exit status is the session's; a bad flag prints one line and exits 2.
 */
public final class ClientMain {

    private ClientMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.in, System.out, System.err));
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws InterruptedException {
        return run(args, in, out, err, null);
    }

    /**
     * Runs the client; on {@code terminal} if one is given (as tests do), else on the system's terminal when standard
     * input and output are one, else in plain mode on {@code in} and {@code out}.
     */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Terminal terminal)
            throws InterruptedException {
        ClientOptions options = new ClientOptions();
        CommandLine cli = new CommandLine(options);
        try {
            cli.parseArgs(args);
        } catch (ParameterException e) {
            err.println("chat client: " + e.getMessage() + " (see 'chat client --help')");
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
        ClientConfig config;
        boolean findRoom = !cli.getParseResult().hasMatchedOption("--host");
        List<InetAddress> browseOn;
        try {
            config = options.toConfig();
            browseOn = findRoom ? RoomFinder.browseAddresses(options.discoverOn) : List.of();
        } catch (IllegalArgumentException e) {
            err.println("chat client: " + e.getMessage() + " (see 'chat client --help')");
            return 2;
        }
        boolean interactive = !config.plain()
                && (terminal != null || in == System.in && out == System.out && StandardStreams.areTerminal());
        if (!interactive && options.reconnect == null) {
            config = config.withReconnect(false); // a script gets a clear exit status rather than endless retries
        }
        if (!interactive && config.nick() == null) {
            err.println("chat client: give a nickname with --nick when input is not a terminal");
            return 2;
        }
        if (options.logFile != null) {
            logTo(options.logFile);
        }
        RoomState state = new RoomState();
        LocalSettings settings = config.settingsFile() == null ? LocalSettings.inMemory()
                : LocalSettings.load(config.settingsFile());
        ChatView view = new ChatView(new Renderer(ZoneId.systemDefault(), state::nick), settings, state::nick);
        LocalCommands commands = new LocalCommands(view, settings, state);
        try (Console console = interactive ? terminalConsole(config, state, view, commands, terminal)
                : new PlainConsole(in, out, view)) {
            if (findRoom) {
                RoomFinder.Outcome found = RoomFinder.find(browseOn, config.port(), console, err);
                if (found instanceof RoomFinder.Outcome.Stop stop) {
                    return stop.exitStatus();
                }
                RoomFinder.Outcome.Join join = (RoomFinder.Outcome.Join) found;
                options.host = join.host();
                options.port = join.port();
                options.tls |= join.tls();
                boolean reconnect = config.reconnect();
                config = options.toConfig().withReconnect(reconnect);
            }
            return new ChatSession(config, console, state, commands).run();
        } catch (IOException e) {
            err.println("chat client: cannot open the terminal: " + e.getMessage());
            return 1;
        }
    }

    private static Console terminalConsole(ClientConfig config, RoomState state, ChatView view,
                                           LocalCommands commands, Terminal given) throws IOException {
        Terminal terminal = given != null ? given : TerminalBuilder.builder().system(true).name("lanchat").build();
        Path history = config.historyFile();
        if (history != null) {
            try {
                Files.createDirectories(history.toAbsolutePath().getParent());
            } catch (IOException e) {
                history = null; // chat without history rather than not at all
            }
        }
        return new JLineConsole(terminal, state, view, commands, history, config.color());
    }

    /** Turns on a diagnostic log in {@code file}; by default the client logs nothing, the terminal being the UI. */
    private static void logTo(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
            return;
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{0} %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
    }
}
