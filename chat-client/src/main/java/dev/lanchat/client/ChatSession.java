package dev.lanchat.client;

import dev.lanchat.client.console.ConnectionState;
import dev.lanchat.client.console.Console;
import dev.lanchat.client.console.Input;
import dev.lanchat.client.console.InputParser;
import dev.lanchat.client.console.LocalCommands;
import dev.lanchat.client.console.RoomState;
import dev.lanchat.client.net.ChatConnection;
import dev.lanchat.client.net.ConnectionListener;
import dev.lanchat.client.net.KnownServers;
import dev.lanchat.client.net.TlsPolicy;
import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.MessageCodec;
import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the client: connect, agree on a nickname, then chat until the user leaves. If the connection drops,
 * the session reconnects by itself (1 s, doubling to 30 s, with jitter) and resumes: same nickname, same room, and
 * exactly the messages missed. It is the glue between a {@link Console} (which knows terminals) and a
 * {@link ChatConnection} (which knows sockets).
 *
 * <p>The input loop runs on the thread that calls {@link #run}; server messages are shown from the network thread as
 * they arrive; reconnecting happens on a thread of its own. Lines typed while disconnected wait and are sent once
 * the session is back. Commands in the client's own table ({@link LocalCommands}) run here and never reach the
 * server; the console hears where the connection stands ({@link ConnectionState}) as it changes.
 */
public final class ChatSession {

    private static final Logger log = LoggerFactory.getLogger(ChatSession.class);

    /** The user left: quit, /quit, Ctrl-D or end of input. */
    public static final int EXIT_LEFT = 0;
    /** The connection failed, was lost, or the server closed it. */
    public static final int EXIT_DISCONNECTED = 1;
    /** The server refused the handshake for good. */
    public static final int EXIT_REFUSED = 3;

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    /** Lines typed while disconnected that wait to be sent, at most. */
    static final int MAX_WAITING_LINES = 100;

    private final ClientConfig config;
    private final Console console;
    private final RoomState state;
    private final LocalCommands commands;
    private final Object lock = new Object();
    private final Queue<ClientMessage> waiting = new ArrayDeque<>();
    private volatile ChatConnection connection;
    /** The listener of the current connection; events from any earlier connection are ignored. */
    private volatile Link current;
    private volatile CompletableFuture<ServerMessage> handshakeReply = new CompletableFuture<>();
    private volatile boolean joined;
    private volatile boolean quitting;
    private volatile boolean reconnecting;
    private volatile ServerMessage.Bye bye;
    private volatile String nick;
    private volatile String password = "";

    public ChatSession(ClientConfig config, Console console, RoomState state, LocalCommands commands) {
        this.config = config;
        this.console = console;
        this.state = state;
        this.commands = commands;
    }

    /** Runs the session to its end and returns the exit status. */
    public int run() throws InterruptedException {
        nick = config.nick();
        if (nick == null) {
            nick = console.ask("Nickname: ", suggestedNick());
            if (nick == null) {
                return EXIT_LEFT;
            }
        }
        password = config.password() == null ? "" : config.password();
        try {
            console.info("Connecting to " + config.host() + ":" + config.port() + (config.tls() ? " over TLS" : "")
                    + " ...");
            try {
                connection = connect();
            } catch (IOException e) {
                console.error("Cannot connect: " + e.getMessage());
                return EXIT_DISCONNECTED;
            }
            int refused = join();
            if (refused >= 0) {
                return refused;
            }
            return chat();
        } finally {
            quitting = true;
            ChatConnection last = connection;
            if (last != null) {
                last.close();
            }
        }
    }

    private ChatConnection connect() throws IOException, InterruptedException {
        TlsPolicy tls = config.tls() ? new TlsPolicy(new KnownServers(config.knownServers()), config.fingerprint())
                : null;
        Link link = new Link();
        current = link;
        ChatConnection opened = ChatConnection.open(config.host(), config.port(), config.connectTimeout(), tls, link);
        if (opened.pinnedNow()) {
            console.info("First TLS connection to this server. Its certificate fingerprint is\n  "
                    + opened.tlsFingerprint() + "\nCompare it with the one the server printed. It is now "
                    + "pinned in " + config.knownServers() + "; a different one will be refused.");
        } else if (opened.tlsFingerprint() != null && !reconnecting) {
            console.info("TLS: the server's certificate matches its pinned fingerprint.");
        }
        return opened;
    }

    /** Sends hellos until one is welcomed; returns -1 when joined, else the exit status to end with. */
    private int join() throws InterruptedException {
        while (true) {
            ServerMessage reply = hello(null);
            if (reply == null) {
                return EXIT_DISCONNECTED;
            }
            if (reply instanceof ServerMessage.Welcome) {
                return -1;
            }
            ServerMessage.Error error = (ServerMessage.Error) reply;
            ErrorCode code = ErrorCode.fromWireName(error.code()).orElse(null);
            if (code == ErrorCode.PASSWORD_REQUIRED && !console.interactive()) {
                console.error("Give the room's password with --password-file or the LANCHAT_PASSWORD variable.");
            }
            boolean retry = code == ErrorCode.NICK_TAKEN || code == ErrorCode.NICK_INVALID
                    || code == ErrorCode.PASSWORD_REQUIRED;
            if (!retry || !console.interactive() || !connection.isOpen()) {
                return EXIT_REFUSED;
            }
            if (code == ErrorCode.PASSWORD_REQUIRED) {
                password = console.askSecret("Password: ");
                if (password == null) {
                    return EXIT_LEFT;
                }
            } else {
                nick = console.ask("Choose another nickname: ", null);
                if (nick == null) {
                    return EXIT_LEFT;
                }
            }
        }
    }

    /** Sends a hello and waits for the answer: a welcome, an error, or {@code null} if the connection ended. */
    private ServerMessage hello(ClientMessage.Resume resume) throws InterruptedException {
        handshakeReply = new CompletableFuture<>();
        joined = false;
        connection.send(new ClientMessage.Hello(Protocol.VERSION, nick, "lanchat-client/" + Version.current(),
                password, resume));
        try {
            return handshakeReply.get(ClientConfig.HANDSHAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            console.error("The server did not answer within " + ClientConfig.HANDSHAKE_TIMEOUT.toSeconds()
                    + " s; is it a lanchat server?");
            return null;
        } catch (ExecutionException e) {
            return null; // the connection closed; onClosed has said why
        }
    }

    /** The input loop: reads lines until the user leaves or the session ends. */
    private int chat() throws InterruptedException {
        for (String line; (line = console.readLine()) != null; ) {
            Input input = InputParser.parse(line);
            if (input instanceof Input.Quit) {
                return quit(((Input.Quit) input).reason());
            } else if (input instanceof Input.Text) {
                send(new ClientMessage.Say(((Input.Text) input).text()));
            } else if (input instanceof Input.Command) {
                Input.Command command = (Input.Command) input;
                if (!commands.run(command.name(), command.args(), console)) {
                    send(new ClientMessage.Command(command.name(), withHistoryCursor(command)));
                }
            }
        }
        if (bye != null || (!reconnecting && !connection.isOpen())) {
            return EXIT_DISCONNECTED;
        }
        return quit(""); // end of input: leave as if the user had typed quit
    }

    /** {@code /history N} continues from the oldest message this client shows, which the server may not know. */
    private String withHistoryCursor(Input.Command command) {
        if (command.name().equals("history") && command.args().split("\\s+").length < 2
                && state.oldestShownId() > 0) {
            String count = command.args().isEmpty() ? "20" : command.args();
            return count + " " + state.oldestShownId();
        }
        return command.args();
    }

    private int quit(String reason) throws InterruptedException {
        quitting = true;
        ChatConnection current = connection;
        if (joined && current.isOpen()) {
            current.send(new ClientMessage.Command("quit", reason));
            current.awaitClosed(ClientConfig.QUIT_TIMEOUT);
        }
        return EXIT_LEFT;
    }

    /** Sends a message now, or keeps it for when the session is back; refuses one over the server's limit. */
    private void send(ClientMessage message) {
        int bytes = MessageCodec.encode(message).getBytes(StandardCharsets.UTF_8).length;
        int limit = state.maxFrameBytes();
        if (bytes > limit) {
            console.error("Not sent: that message is " + bytes + " bytes once encoded, and the server accepts at most "
                    + limit + ". Split it into smaller parts.");
            return;
        }
        synchronized (lock) {
            if (joined) {
                connection.send(message);
                return;
            }
            if (waiting.size() == MAX_WAITING_LINES) {
                console.error("Not connected, and " + MAX_WAITING_LINES + " lines are already waiting: this one "
                        + "was not kept.");
                return;
            }
            waiting.add(message);
        }
        console.info("Not connected right now: that will be sent once the connection is back.");
    }

    /** Passes on the events of one connection while it is the current one. */
    private final class Link implements ConnectionListener {
        @Override
        public void onMessage(ServerMessage message) {
            if (current == this) {
                received(message);
            }
        }

        @Override
        public void onClosed(String problem) {
            if (current == this) {
                closed(problem);
            }
        }
    }

    private void received(ServerMessage message) {
        state.apply(message);
        if (message instanceof ServerMessage.Bye) {
            bye = (ServerMessage.Bye) message;
        }
        console.show(message);
        if (!joined && (message instanceof ServerMessage.Welcome || message instanceof ServerMessage.Error)) {
            if (message instanceof ServerMessage.Welcome) {
                synchronized (lock) {
                    joined = true;
                    for (ClientMessage late; (late = waiting.poll()) != null; ) {
                        connection.send(late);
                    }
                }
                console.connection(ConnectionState.CONNECTED);
            }
            handshakeReply.complete(message);
        }
    }

    private void closed(String problem) {
        handshakeReply.completeExceptionally(new IOException("connection closed"));
        boolean wasJoined = joined;
        joined = false;
        if (quitting || reconnecting) {
            return;
        }
        ServerMessage.Bye farewell = bye;
        if (!wasJoined && problem == null) {
            console.connection(ConnectionState.DISCONNECTED);
            console.stop(); // refused during the handshake: the reason is on screen already
            return;
        }
        boolean mayReturn = farewell == null || LeaveReason.SHUTDOWN.wireName().equals(farewell.reason());
        if (config.reconnect() && wasJoined && mayReturn) {
            console.info(farewell == null
                    ? "Connection lost" + (problem == null ? "" : " (" + problem + ")") + "; reconnecting..."
                    : "The server is shutting down; will reconnect when it is back (quit to stop trying).");
            startReconnecting();
            return;
        }
        if (farewell == null) {
            console.error("Disconnected from the server: "
                    + (problem == null ? LeaveReason.LOST.description() : problem) + ".");
        } else if (!LeaveReason.QUIT.wireName().equals(farewell.reason())) {
            console.info("Disconnected by the server (" + LeaveReason.describe(farewell.reason()) + ").");
        }
        console.connection(ConnectionState.DISCONNECTED);
        console.stop();
    }

    private void startReconnecting() {
        reconnecting = true;
        Thread thread = new Thread(this::reconnect, "reconnect");
        thread.setDaemon(true);
        thread.start();
    }

    /** Tries again and again, with growing delays, until the session resumes or the user leaves. */
    private void reconnect() {
        long delay = FIRST_RETRY.toMillis();
        try {
            for (int attempt = 1; !quitting; attempt++) {
                long jittered = delay + ThreadLocalRandom.current().nextLong(-delay / 5, delay / 5 + 1);
                console.info("Reconnecting in " + Math.max(1, Math.round(jittered / 1000.0)) + " s (attempt "
                        + attempt + ")...");
                countDown(jittered);
                if (quitting) {
                    return;
                }
                console.connection(new ConnectionState.Reconnecting(0));
                delay = Math.min(delay * 2, LONGEST_RETRY.toMillis());
                try {
                    connection = connect();
                } catch (IOException e) {
                    continue;
                }
                bye = null;
                if (quitting) {
                    return;
                }
                ServerMessage reply = hello(new ClientMessage.Resume(state.resumeToken(), state.room(),
                        state.lastSeenId()));
                if (reply instanceof ServerMessage.Welcome) {
                    reconnecting = false;
                    return;
                }
                if (reply instanceof ServerMessage.Error) {
                    console.error("Could not take the session up again: " + ((ServerMessage.Error) reply).text());
                    reconnecting = false;
                    console.connection(ConnectionState.DISCONNECTED);
                    console.stop();
                    return;
                }
                connection.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            // A bug, or a jar changed under the running client: say so and end, rather than hang "reconnecting".
            log.error("reconnecting failed", e);
            console.error("Reconnecting failed (" + e + "); start the client again.");
            reconnecting = false;
            console.connection(ConnectionState.DISCONNECTED);
            console.stop();
        }
    }

    /** Waits {@code millis} before the next attempt, telling the console every second how many seconds are left. */
    private void countDown(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (long left; !quitting && (left = end - System.nanoTime()) > 0; ) {
            long seconds = (left + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
            console.connection(new ConnectionState.Reconnecting(seconds));
            long untilNextSecond = left - TimeUnit.SECONDS.toNanos(seconds - 1);
            TimeUnit.NANOSECONDS.sleep(untilNextSecond);
        }
    }

    private static String suggestedNick() {
        String user = System.getProperty("user.name", "");
        String cleaned = user.replaceAll("[^\\p{L}\\p{N}_.-]", "");
        return cleaned.length() > 24 ? cleaned.substring(0, 24) : cleaned;
    }
}
