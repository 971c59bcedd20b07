package dev.lanchat.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.server.console.OperatorConsole;
import dev.lanchat.testing.Keyboard;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The host's console typed at through a terminal, against a real server with real members on loopback sockets:
 * what the operator types changes what members see, and what the console prints is what the operator reads.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OperatorConsoleIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Keyboard keyboard = new Keyboard();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final CompletableFuture<String> shutdownAsked = new CompletableFuture<>();
    private ServerFixture fixture;
    private OperatorConsole console;
    private Thread consoleThread;
    private Path history;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        history = dir.resolve("console-history");
        fixture = new ServerFixture(limits -> limits);
        Terminal terminal = TerminalBuilder.builder().system(false).type("ansi").encoding(StandardCharsets.UTF_8)
                .streams(keyboard, screen).size(new Size(160, 40)).build();
        console = new OperatorConsole(terminal, fixture.server.operator(), history);
        consoleThread = new Thread(() -> console.run(shutdownAsked::complete), "console");
        consoleThread.start();
    }

    @AfterEach
    void stop() throws Exception {
        console.stop();
        consoleThread.join(WAIT.toMillis());
        keyboard.close();
        console.close();
        fixture.close();
    }

    /** Types a command and waits until the console has printed {@code expected} since. */
    private String typeAndAwait(String command, String expected) {
        int before = screen().length();
        keyboard.type(command + "\r");
        await().atMost(WAIT).until(() -> screen().substring(before).contains(expected));
        return screen().substring(before);
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    private WireClient joinFrom(String address, String nick) throws Exception {
        return fixture.track(WireClient.connectFrom(address, fixture.address)).join(nick);
    }

    @Test
    void whoAndRoomsShowEveryoneWithTheirAddress() throws Exception {
        WireClient ada = joinFrom("127.0.0.2", "ada");
        joinFrom("127.0.0.3", "bob");
        ada.send(new ClientMessage.Command("away", "making tea"));
        ada.await(ServerMessage.Notice.class, n -> n.text().startsWith("You are marked away"));

        String who = typeAndAwait("who", "2 members:");
        assertTrue(who.matches("(?s).*ada +lobby +127\\.0\\.0\\.2 +since \\d\\d:\\d\\d \\(away\\).*"), who);
        assertTrue(who.matches("(?s).*bob +lobby +127\\.0\\.0\\.3 .*"), who);
        typeAndAwait("rooms", "lobby");
        String help = typeAndAwait("help", "shutdown [REASON]");
        assertTrue(help.contains("ban NICK|ADDRESS [DURATION]"), help);
        typeAndAwait("frobnicate", "Unknown command 'frobnicate'; type help for the list.");
    }

    @Test
    void sayAnnouncesToEveryRoomAndTopicSetsARoomsTopic() throws Exception {
        WireClient ada = joinFrom("127.0.0.2", "ada");
        WireClient bob = joinFrom("127.0.0.3", "bob");
        bob.send(new ClientMessage.Command("join", "games"));
        bob.await(ServerMessage.Entered.class, e -> e.room().equals("games"));

        typeAndAwait("say pizza is here", "Sent to 2 connected member(s).");
        ada.await(ServerMessage.Notice.class, n -> n.text().equals("Announcement from the server: pizza is here"));
        bob.await(ServerMessage.Notice.class, n -> n.text().equals("Announcement from the server: pizza is here"));

        typeAndAwait("topic games finals at eight", "Topic of games set.");
        bob.await(ServerMessage.TopicChanged.class, t -> t.topic().equals("finals at eight"));
        typeAndAwait("topic nowhere x", "Refused: there is no room 'nowhere'.");
    }

    @Test
    void kickRemovesAMemberAndTellsTheRoomWhy() throws Exception {
        WireClient ada = joinFrom("127.0.0.2", "ada");
        WireClient bob = joinFrom("127.0.0.3", "bob");

        typeAndAwait("kick bob flooding the room", "bob was removed.");

        ServerMessage.Bye bye = bob.await(ServerMessage.Bye.class, b -> true);
        assertEquals(LeaveReason.KICKED.wireName(), bye.reason());
        assertTrue(bob.awaitClosed(WAIT));
        ServerMessage.Left left = ada.await(ServerMessage.Left.class, l -> l.nicks().contains("bob"));
        assertEquals("flooding the room", left.message());
        typeAndAwait("kick bob", "Refused: no member is called 'bob'.");
        typeAndAwait("kick", "missing argument; usage: kick NICK [REASON]");
    }

    @Test
    void aBannedAddressIsRemovedAndStaysOutUntilUnbanned() throws Exception {
        WireClient ada = joinFrom("127.0.0.2", "ada");
        WireClient eve = joinFrom("127.0.0.4", "eve");

        typeAndAwait("ban eve 2h", "Banned 127.0.0.4 (eve) until");
        assertTrue(eve.awaitClosed(WAIT));
        ada.await(ServerMessage.Left.class, l -> l.nicks().contains("eve"));

        WireClient again = fixture.track(WireClient.connectFrom("127.0.0.4", fixture.address));
        assertEquals(ErrorCode.BANNED.wireName(), again.next(ServerMessage.Error.class).code());
        assertTrue(again.awaitClosed(WAIT), "a banned address gets an error and nothing else");
        joinFrom("127.0.0.5", "frank"); // other addresses are not affected

        assertTrue(typeAndAwait("bans", "127.0.0.4").contains("eve"));
        typeAndAwait("ban eve forever", "not a duration: 'forever'");
        typeAndAwait("unban eve", "Lifted the ban on 127.0.0.4 (eve).");
        joinFrom("127.0.0.4", "eve");
        typeAndAwait("bans", "No bans.");
    }

    @Test
    void aMuteHoldsAcrossAReconnectUntilLifted() throws Exception {
        WireClient ada = joinFrom("127.0.0.2", "ada");
        WireClient bob = joinFrom("127.0.0.3", "bob");

        typeAndAwait("mute bob 5m", "bob is muted for 5 min.");
        ada.await(ServerMessage.Notice.class, n -> n.text().contains("bob is muted by the operator"));
        bob.send(new ClientMessage.Say("hello?"));
        assertEquals(ErrorCode.MUTED.wireName(), bob.await(ServerMessage.Error.class, e -> true).code());

        bob.send(new ClientMessage.Command("quit", ""));
        assertTrue(bob.awaitClosed(WAIT));
        WireClient bobAgain = joinFrom("127.0.0.3", "bob");
        bobAgain.send(new ClientMessage.Say("and now?"));
        assertEquals(ErrorCode.MUTED.wireName(), bobAgain.await(ServerMessage.Error.class, e -> true).code());

        typeAndAwait("unmute bob", "bob may speak again.");
        bobAgain.send(new ClientMessage.Say("thank you"));
        assertEquals("thank you", ada.await(ServerMessage.Chat.class, c -> c.from().equals("bob")).text());
    }

    @Test
    void statsCountsConnectionsMessagesAndMemory() throws Exception {
        WireClient ada = joinFrom("127.0.0.2", "ada");
        ada.send(new ClientMessage.Say("one"));
        ada.await(ServerMessage.Chat.class, c -> c.text().equals("one"));

        String stats = typeAndAwait("stats", "resident");
        assertTrue(stats.contains("1 connection(s), 1 member(s) in 1 room(s)."), stats);
        assertTrue(stats.contains("1 since the start"), stats);
        assertTrue(stats.matches("(?s).*Memory: heap \\d+ MiB used of \\d+ MiB.*"), stats);
    }

    @Test
    void logLinesArePrintedAboveThePrompt() throws Exception {
        console.takeOverLog();
        try {
            LoggerFactory.getLogger("somewhere").warn("a line from the server's log");
            await().atMost(WAIT).until(() -> screen().contains("WARN  somewhere      a line from the server's log"));
        } finally {
            console.close(); // gives the log back; the terminal is closed again in stop(), which is harmless
        }
    }

    @Test
    void completionOffersCommandsThenNicknames() throws Exception {
        joinFrom("127.0.0.2", "zelda");
        int before = screen().length();
        keyboard.type("ki\t");
        await().atMost(WAIT).until(() -> screen().substring(before).contains("kick"));
        keyboard.type(" ze\t");
        await().atMost(WAIT).until(() -> screen().substring(before).contains("zelda"));
        keyboard.type("\r");
        await().atMost(WAIT).until(() -> screen().substring(before).contains("zelda was removed."));
    }

    @Test
    void shutdownAsksTheServerToStopWithTheReasonAndTheHistoryKeepsTheCommands() throws Exception {
        typeAndAwait("who", "No one is connected.");
        keyboard.type("shutdown moving to room 4\r");
        assertEquals("The server is shutting down: moving to room 4", shutdownAsked.get(15, TimeUnit.SECONDS));
        consoleThread.join(WAIT.toMillis());
        console.close();
        String kept = Files.readString(history, StandardCharsets.UTF_8);
        assertTrue(kept.contains("who") && kept.contains("shutdown moving to room 4"), kept);
    }
}
