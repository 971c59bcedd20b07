package dev.lanchat.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.client.ClientMainAccess;
import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.server.ChatServer;
import dev.lanchat.server.ServerConfig;
import dev.lanchat.server.netty.ConnectionLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client as a script uses it: lines on standard input, plain lines on standard output, and an exit status that
 * says how the session ended.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlainModeIT {

    private ChatServer server;
    private InetSocketAddress address;
    private TestMember observer;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startServer() throws Exception {
        // Departures announced at once: resuming is ResumeIT's subject.
        server = new ChatServer(ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0))
                .withHistory(null, ServerConfig.History.DEFAULTS, Duration.ZERO));
        address = server.start();
        observer = TestMember.join(address, "observer");
    }

    @AfterEach
    void stopEverything() {
        observer.close();
        server.stop("test over");
    }

    private int runClient(InputStream in, String... flags) throws InterruptedException {
        String[] args = new String[flags.length + 4];
        args[0] = "--host";
        args[1] = "127.0.0.1";
        args[2] = "--port";
        args[3] = String.valueOf(address.getPort());
        System.arraycopy(flags, 0, args, 4, flags.length);
        return ClientMainAccess.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static InputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aScriptJoinsSaysHelloAndLeavesWithQuit() throws Exception {
        int status = runClient(input("hello\nquit\n"), "--nick", "bot");

        assertEquals(0, status, output() + err);
        assertTrue(output().contains("<bot> hello"), output());
        assertTrue(output().contains("Goodbye, bot."), output());
        assertFalse(output().contains("\u001b"), "plain mode must not write escape codes");
        assertEquals("bot", observer.await(ServerMessage.Joined.class, m -> true).nick());
        assertEquals("hello", observer.await(ServerMessage.Chat.class, m -> true).text());
        ServerMessage.Left left = observer.await(ServerMessage.Left.class, m -> true);
        assertEquals(LeaveReason.QUIT.wireName(), left.reason());
    }

    @Test
    void theEndOfInputLeavesAsQuitDoes() throws Exception {
        assertEquals(0, runClient(input("just this\n"), "--nick", "bot"));
        assertEquals(LeaveReason.QUIT.wireName(), observer.await(ServerMessage.Left.class, m -> true).reason());
    }

    @Test
    void slashCommandsWorkFromAScript() throws Exception {
        assertEquals(0, runClient(input("/me waves\n/msg observer psst\n/who\n/nope\n/quit bye now\n"), "--nick", "bot"));
        String output = output();
        assertTrue(output.contains("* bot waves"), output);
        assertTrue(output.contains("[you -> observer] psst"), output);
        assertTrue(output.contains("2 people in lobby: observer (since"), output);
        assertTrue(output.contains("!! unknown command /nope"), output);
        assertEquals("psst", observer.await(ServerMessage.PrivateChat.class, m -> true).text());
        assertEquals("bye now", observer.await(ServerMessage.Left.class, m -> true).message());
    }

    @Test
    void theClientsOwnCommandsWorkFromAScriptAndNoStatusLineAppears() throws Exception {
        try (ScriptedClient bot = new ScriptedClient("--host", "127.0.0.1", "--port",
                String.valueOf(address.getPort()), "--nick", "bot")) {
            bot.awaitScreen("Welcome to");
            bot.type("/ignore observer");
            bot.awaitScreen("Ignoring observer");
            observer.say("the bot cannot see this");
            observer.await(ServerMessage.Chat.class, m -> m.from().equals("observer"));
            bot.type("/quiet");
            bot.type("/clear");
            bot.type("after");
            bot.awaitScreen("<bot> after");
            bot.type("quit");
            assertEquals(0, bot.awaitExit());
            String screen = bot.screen();
            assertFalse(screen.contains("the bot cannot see this"), screen);
            assertTrue(screen.contains("Quiet: arrivals, departures"), screen);
            assertTrue(screen.contains("There is no screen to clear here."), screen);
            assertFalse(screen.contains("lobby @") || screen.contains("\u001b"), "no status line, no escapes:\n"
                    + screen);
        }
    }

    @Test
    void aMessageOverTheServersLimitIsRefusedLocally() throws Exception {
        String huge = "x".repeat(ConnectionLimits.DEFAULT_MAX_FRAME_BYTES + 10);
        assertEquals(0, runClient(input(huge + "\nsmall\nquit\n"), "--nick", "bot"));
        assertTrue(output().contains("Not sent: that message is"), output());
        // The next chat line the observer sees is the small one: the huge one never left the client.
        assertEquals("small", observer.await(ServerMessage.Chat.class, m -> true).text());
    }

    @Test
    void withoutANickAScriptIsToldToGiveOne() throws Exception {
        assertEquals(2, runClient(input("hello\n")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--nick"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aTakenNickEndsAScriptWithStatusThree() throws Exception {
        assertEquals(3, runClient(input("hello\n"), "--nick", "OBSERVER"));
        assertTrue(output().contains("is taken"), output());
    }

    @Test
    void anUnreachableServerIsReportedWithStatusOne() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, address.getAddress())) {
            freePort = probe.getLocalPort();
        }
        int status = ClientMainAccess.run(new String[] {"--host", "127.0.0.1", "--port", String.valueOf(freePort),
            "--nick", "bot"}, input("hi\n"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        assertTrue(output().contains("nothing is listening at 127.0.0.1:" + freePort), output());
    }

    @Test
    void aServerShutdownEndsTheSessionWithStatusOne() throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keyboard);
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> {
            try {
                return runClient(in, "--nick", "bot");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        observer.await(ServerMessage.Joined.class, m -> m.nick().equals("bot"));

        server.stop("closing time");

        assertEquals(1, status.get(TestMember.WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(output().contains("closing time"), output());
        assertTrue(output().contains("Disconnected by the server (server shutting down)"), output());
        keyboard.close();
    }
}
