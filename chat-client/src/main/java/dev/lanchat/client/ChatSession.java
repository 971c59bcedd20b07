package dev.lanchat.client;

import dev.lanchat.client.console.ChatCompleter;
import dev.lanchat.client.console.Console;
import dev.lanchat.client.console.Input;
import dev.lanchat.client.console.InputParser;
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
import dev.lanchat.protocol.ServerMessage.CommandInfo;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of the client: connect, agree on a nickname, then chat until the user leaves or the connection ends. It is
 * the glue between a {@link Console} (which knows terminals) and a {@link ChatConnection} (which knows sockets).
 *
 * <p>The input loop runs on the thread that calls {@link #run}; server messages are shown from the network thread as
 * they arrive, so both run at once.
 */
public final class ChatSession implements ConnectionListener {

    /** The user left: quit, /quit, Ctrl-D or end of input. */
    public static final int EXIT_LEFT = 0;
    /** The connection failed, was lost, or the server closed it. */
    public static final int EXIT_DISCONNECTED = 1;
    /** The server refused the handshake for good. */
    public static final int EXIT_REFUSED = 3;

    private final ClientConfig config;
    private final Console console;
    private final RoomState state;
    private volatile ChatConnection connection;
    private volatile CompletableFuture<ServerMessage> handshakeReply = new CompletableFuture<>();
    private volatile boolean joined;
    private volatile boolean quitting;
    private volatile ServerMessage.Bye bye;

    public ChatSession(ClientConfig config, Console console, RoomState state) {
        this.config = config;
        this.console = console;
        this.state = state;
    }

    /** Runs the session to its end and returns the exit status. */
    public int run() throws InterruptedException {
        String nick = config.nick();
        if (nick == null) {
            nick = console.ask("Nickname: ", suggestedNick());
            if (nick == null) {
                return EXIT_LEFT;
            }
        }
        console.info("Connecting to " + config.host() + ":" + config.port() + (config.tls() ? " over TLS" : "")
                + " ...");
        try {
            TlsPolicy tls = config.tls() ? new TlsPolicy(new KnownServers(config.knownServers()),
                    config.fingerprint()) : null;
            connection = ChatConnection.open(config.host(), config.port(), config.connectTimeout(), tls, this);
        } catch (IOException e) {
            console.error("Cannot connect: " + e.getMessage());
            return EXIT_DISCONNECTED;
        }
        if (connection.pinnedNow()) {
            console.info("First TLS connection to this server. Its certificate fingerprint is\n  "
                    + connection.tlsFingerprint() + "\nCompare it with the one the server printed. It is now "
                    + "pinned in " + config.knownServers() + "; a different one will be refused.");
        } else if (connection.tlsFingerprint() != null) {
            console.info("TLS: the server's certificate matches its pinned fingerprint.");
        }
        try {
            int refused = join(nick);
            if (refused >= 0) {
                return refused;
            }
            return chat();
        } finally {
            quitting = true;
            connection.close();
        }
    }

    /** Sends hellos until one is welcomed; returns -1 when joined, else the exit status to end with. */
    private int join(String firstNick) throws InterruptedException {
        String nick = firstNick;
        String password = config.password() == null ? "" : config.password();
        while (true) {
            handshakeReply = new CompletableFuture<>();
            connection.send(new ClientMessage.Hello(Protocol.VERSION, nick, "lanchat-client/" + Version.current(),
                    password));
            ServerMessage reply;
            try {
                reply = handshakeReply.get(ClientConfig.HANDSHAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                console.error("The server did not answer within " + ClientConfig.HANDSHAKE_TIMEOUT.toSeconds()
                        + " s; is it a lanchat server?");
                return EXIT_DISCONNECTED;
            } catch (ExecutionException e) {
                return EXIT_DISCONNECTED; // the connection closed; onClosed has said why
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
                continue;
            }
            nick = console.ask("Choose another nickname: ", null);
            if (nick == null) {
                return EXIT_LEFT;
            }
        }
    }

    /** The input loop: reads lines until the user leaves or the connection ends. */
    private int chat() throws InterruptedException {
        for (String line; (line = console.readLine()) != null; ) {
            Input input = InputParser.parse(line);
            if (input instanceof Input.Quit) {
                return quit(((Input.Quit) input).reason());
            } else if (input instanceof Input.Text) {
                send(new ClientMessage.Say(((Input.Text) input).text()));
            } else if (input instanceof Input.Command) {
                Input.Command command = (Input.Command) input;
                send(new ClientMessage.Command(command.name(), command.args()));
            } else if (input instanceof Input.Help) {
                console.info(helpText());
            }
        }
        if (!connection.isOpen() || bye != null) {
            return EXIT_DISCONNECTED;
        }
        return quit(""); // end of input: leave as if the user had typed quit
    }

    private int quit(String reason) throws InterruptedException {
        quitting = true;
        if (connection.isOpen()) {
            connection.send(new ClientMessage.Command("quit", reason));
            connection.awaitClosed(ClientConfig.QUIT_TIMEOUT);
        }
        return EXIT_LEFT;
    }

    /** Sends a message unless it is over the server's size limit, which is reported here instead. */
    private void send(ClientMessage message) {
        int bytes = MessageCodec.encode(message).getBytes(StandardCharsets.UTF_8).length;
        int limit = state.maxFrameBytes();
        if (bytes > limit) {
            console.error("Not sent: that message is " + bytes + " bytes once encoded, and the server accepts at most "
                    + limit + ". Split it into smaller parts.");
            return;
        }
        connection.send(message);
    }

    @Override
    public void onMessage(ServerMessage message) {
        state.apply(message);
        if (message instanceof ServerMessage.Bye) {
            bye = (ServerMessage.Bye) message;
        }
        if (!joined) {
            if (message instanceof ServerMessage.Welcome) {
                joined = true;
            }
            console.show(message);
            if (message instanceof ServerMessage.Welcome || message instanceof ServerMessage.Error) {
                handshakeReply.complete(message);
            }
            return;
        }
        console.show(message);
    }

    @Override
    public void onClosed(String problem) {
        handshakeReply.completeExceptionally(new IOException("connection closed"));
        if (quitting || (!joined && problem == null)) {
            // Leaving, or refused during the handshake: the reason is on screen already.
            console.stop();
            return;
        }
        ServerMessage.Bye farewell = bye;
        if (farewell == null) {
            console.error("Disconnected from the server: "
                    + (problem == null ? LeaveReason.LOST.description() : problem) + ".");
        } else if (!LeaveReason.QUIT.wireName().equals(farewell.reason())) {
            console.info("Disconnected by the server (" + LeaveReason.describe(farewell.reason()) + ").");
        }
        console.stop();
    }

    private String helpText() {
        StringBuilder text = new StringBuilder("Commands (Tab completes commands and nicks):");
        for (CommandInfo command : new ChatCompleter(state).commandsForHelp()) {
            String usage = "/" + command.name() + (command.args().isEmpty() ? "" : " " + command.args());
            text.append("\n  ").append(String.format("%-16s %s", usage, command.help()));
        }
        text.append("\nType //text to send a line that starts with a slash. Ctrl-D also leaves.");
        return text.toString();
    }

    private static String suggestedNick() {
        String user = System.getProperty("user.name", "");
        String cleaned = user.replaceAll("[^\\p{L}\\p{N}_.-]", "");
        return cleaned.length() > 24 ? cleaned.substring(0, 24) : cleaned;
    }
}
