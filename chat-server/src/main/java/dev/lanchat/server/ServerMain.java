package dev.lanchat.server;

import ch.qos.logback.classic.Level;
import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.StandardStreams;
import dev.lanchat.server.console.OperatorConsole;
import dev.lanchat.server.discovery.AdvertiserConfig;
import dev.lanchat.server.discovery.LanAdvertiser;
import io.netty.channel.unix.Errors;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;
import sun.misc.Signal;

/**
 * {@code chat server}: parses the flags, starts a {@link ChatServer}, prints how friends can join, and on Ctrl-C or
 * SIGTERM stops gracefully and exits 0. A bad flag prints one line and exits 2; a port already in use exits 1.
 */
public final class ServerMain {

    private static final Logger log = LoggerFactory.getLogger(ServerMain.class);

    private ServerMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        ServerOptions options = new ServerOptions();
        CommandLine cli = new CommandLine(options);
        try {
            cli.parseArgs(args);
        } catch (ParameterException e) {
            err.println("chat server: " + e.getMessage() + " (see 'chat server --help')");
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
        ServerConfig config;
        try {
            config = options.toConfig();
        } catch (IllegalArgumentException e) {
            err.println("chat server: " + e.getMessage() + " (see 'chat server --help')");
            return 2;
        }
        setLogLevel(options.running.quiet ? Level.WARN : options.running.debug ? Level.DEBUG : Level.INFO);
        if (options.security.password != null) {
            log.warn("--password is visible to other users of this machine; prefer --password-file or {}",
                    ServerOptions.PASSWORD_ENVIRONMENT);
        }

        ChatServer server;
        try {
            server = new ChatServer(config);
        } catch (IOException | GeneralSecurityException e) {
            err.println("chat server: cannot set up TLS: " + e.getMessage());
            return 1;
        }
        InetSocketAddress bound;
        try {
            bound = server.start();
        } catch (Exception e) {
            err.println("chat server: cannot listen on " + config.listen() + ": " + describeBindFailure(e));
            return 1;
        }
        LanAdvertiser advertiser = options.noAdvertise ? null : LanAdvertiser.start(bound,
                AdvertiserConfig.of(config.serverName(), config.lobby(), config.tls().enabled(),
                        config.password() != null), server.memberCount());
        OperatorConsole console = options.running.noConsole ? null : openConsole(server, config);
        printBanner(out, config, server, bound, advertiser, console != null);

        CountDownLatch stopRequested = new CountDownLatch(1);
        AtomicReference<String> reason = new AtomicReference<>("The server is shutting down");
        onStopSignal(() -> {
            stopRequested.countDown();
            if (console != null) {
                console.stop();
            }
        });
        Thread hook = new Thread(() -> stop(server, advertiser, reason.get()), "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread consoleThread = null;
        if (console != null) {
            console.takeOverLog();
            consoleThread = new Thread(() -> console.run(asked -> {
                reason.set(asked);
                stopRequested.countDown();
            }), "console");
            consoleThread.setDaemon(true);
            consoleThread.start();
        }
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("stop requested");
        stop(server, advertiser, reason.get());
        if (console != null) {
            console.stop();
            try {
                consoleThread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            console.close();
        }
        out.println("Server stopped.");
        return 0;
    }

    /**
     * The operator's console, when the server runs in the foreground of a terminal; {@code null} otherwise (a
     * service, a container, input from a pipe, or a job sent to the background, which must not read the terminal).
     */
    private static OperatorConsole openConsole(ChatServer server, ServerConfig config) {
        if (!StandardStreams.areTerminal() || !inForeground()) {
            return null;
        }
        try {
            // The server's own INT and TERM handlers stay in place: JLine does not take over the process's signals.
            Terminal terminal = TerminalBuilder.builder().system(true).name("lanchat-server").nativeSignals(false)
                    .build();
            if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
                terminal.close();
                return null;
            }
            Path history = config.dataDir() == null ? null : config.dataDir().resolve("console-history");
            return new OperatorConsole(terminal, server.operator(), history);
        } catch (IOException | RuntimeException e) {
            log.warn("no operator console: {}", e.getMessage());
            return null;
        }
    }

    /**
     * Whether this process is in the terminal's foreground process group. A job started with {@code &} is not, and
     * reading the terminal would stop it (SIGTTIN). Where /proc does not tell, assume the foreground.
     */
    private static boolean inForeground() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the command: state, ppid, pgrp, session, tty_nr, tpgid.
            return fields[2].equals(fields[5]);
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** Stops the server while the LAN advertisement is withdrawn, so that neither waits for the other. */
    private static void stop(ChatServer server, LanAdvertiser advertiser, String reason) {
        if (advertiser != null) {
            advertiser.withdraw();
        }
        server.stop(reason);
        if (advertiser != null) {
            advertiser.close();
        }
    }

    /** Ctrl-C and SIGTERM run {@code stop}, so the main thread stops the server and exits with status 0. */
    private static void onStopSignal(Runnable stop) {
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal.handle(new Signal(name), signal -> stop.run());
            } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
                // The shutdown hook still stops the server gracefully, with the JVM's own exit status.
                log.debug("cannot handle SIG{}: {}", name, unavailable.toString());
            }
        }
    }

    private static void printBanner(PrintStream out, ServerConfig config, ChatServer server, InetSocketAddress bound,
                                    LanAdvertiser advertiser, boolean console) {
        String portFlag = (bound.getPort() == Protocol.DEFAULT_PORT ? "" : " --port " + bound.getPort())
                + (server.tlsFingerprint() == null ? "" : " --tls");
        out.println();
        out.println("  lanchat server '" + config.serverName() + "' is up: room '" + config.lobby() + "', port "
                + bound.getPort() + ".");
        List<String> addresses = LanAddresses.reachable(config.listen());
        if (addresses.isEmpty()) {
            out.println("  No network interface is up; only this machine can join:");
            out.println("      ./chat client" + portFlag);
        } else {
            out.println("  Friends on your network join with:");
            for (String address : addresses) {
                out.println("      ./chat client --host " + address + portFlag);
            }
            if (config.listen().getAddress().isAnyLocalAddress()) {
                out.println("  On this machine:  ./chat client" + portFlag);
            }
        }
        if (server.tlsFingerprint() != null) {
            out.println("  TLS is on. Its certificate fingerprint, for friends to compare on first connection:");
            out.println("      " + server.tlsFingerprint());
            out.println("  Clients join with --tls.");
        }
        if (config.password() != null) {
            out.println("  The room needs a password.");
        }
        if (advertiser != null && advertiser.reachesLan()) {
            out.println("  Advertised on the LAN as '" + advertiser.instanceName()
                    + "': ./chat client finds it without --host.");
        }
        out.println(console ? "  Type help for the operator's commands; shutdown or Ctrl-C stops the server."
                : "  Press Ctrl-C to stop.");
        out.println();
        out.flush();
    }

    private static String describeBindFailure(Exception e) {
        boolean inUse = e instanceof BindException
                || (e instanceof Errors.NativeIoException && String.valueOf(e.getMessage()).contains("in use"));
        if (inUse) {
            return "the address is already in use (is another server running? choose another with --port)";
        }
        return String.valueOf(e.getMessage());
    }

    private static void setLogLevel(Level level) {
        org.slf4j.Logger root = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger) {
            ((ch.qos.logback.classic.Logger) root).setLevel(level);
        }
    }
}
