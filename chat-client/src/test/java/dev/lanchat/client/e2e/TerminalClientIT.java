package dev.lanchat.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.client.console.VirtualScreen;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.server.ChatServer;
import dev.lanchat.server.ServerConfig;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real client on a terminal, against a real server on loopback: what a person types arrives as they meant it,
 * and what they chose not to see stays off their screen.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TerminalClientIT {

    @TempDir
    Path dir;

    private ChatServer server;
    private InetSocketAddress address;
    private TestMember observer;
    private TerminalClient ada;

    @BeforeEach
    void startServerAndClient() throws Exception {
        server = new ChatServer(ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0))
                .withHistory(null, ServerConfig.History.DEFAULTS, Duration.ZERO));
        address = server.start();
        observer = TestMember.join(address, "observer");
        ada = new TerminalClient("--host", "127.0.0.1", "--port", String.valueOf(address.getPort()), "--nick", "ada",
                "--no-history", "--settings-file", dir.resolve("settings").toString());
        ada.awaitPrompt("lobby ada>");
        observer.await(ServerMessage.Joined.class, joined -> joined.nick().equals("ada"));
    }

    @AfterEach
    void stopEverything() throws Exception {
        ada.terminal.type("quit\r");
        assertEquals(0, ada.awaitExit(), ada.errors());
        ada.close();
        observer.close();
        server.stop("test over");
    }

    @Test
    void aPastedBlockArrivesAtOthersAsOneMessage() throws Exception {
        ada.terminal.type("\u001b[200~first line\nsecond line\r\nthird line\u001b[201~");
        ada.terminal.awaitShown("...> third line");
        ada.terminal.type("\r");

        ServerMessage.Chat chat = observer.await(ServerMessage.Chat.class, c -> c.from().equals("ada"));
        assertEquals("first line\nsecond line\nthird line", chat.text());
        VirtualScreen screen = ada.terminal.awaitShown("<ada> first line");
        int first = screen.rows().stream().filter(row -> row.endsWith("<ada> first line")).findFirst()
                .map(screen.rows()::indexOf).orElseThrow();
        assertEquals(" ".repeat(12) + "second line", screen.row(first + 1), screen.toString());
    }

    @Test
    void ignoreHidesAMembersLinesAndTheChoiceIsKept() throws Exception {
        try (TestMember bob = TestMember.join(address, "bob")) {
            ada.terminal.awaitShown("bob joined");
            bob.say("before");
            ada.terminal.awaitShown("<bob> before");

            ada.terminal.type("/ignore bob\r");
            ada.terminal.awaitShown("Ignoring bob");
            bob.say("you cannot see this");
            bob.command("msg", "ada nor this");
            bob.command("me", "waves unseen");
            observer.say("marker");
            ada.terminal.awaitShown("<observer> marker");

            String output = ada.terminal.output();
            assertFalse(output.contains("you cannot see this") || output.contains("nor this")
                    || output.contains("waves unseen"), ada.terminal.screen().toString());
            assertTrue(Files.readString(dir.resolve("settings"), StandardCharsets.UTF_8).contains("ignore=bob"));

            ada.terminal.type("/unignore bob\r");
            ada.terminal.awaitShown("No longer ignoring bob.");
            bob.say("visible again");
            ada.terminal.awaitShown("<bob> visible again");
        }
    }

    @Test
    void theStatusLineFollowsTheRoom() throws Exception {
        ada.terminal.awaitScreen("the status line", s -> s.lastRow().contains("lobby @") && s.lastRow()
                .contains("2 people") && s.lastRow().endsWith("connected"));
        try (TestMember bob = TestMember.join(address, "bob")) {
            ada.terminal.awaitScreen("3 people", s -> s.lastRow().contains("3 people"));
            bob.say("ada: are you there?");
            ada.terminal.awaitScreen("1 mention", s -> s.lastRow().contains("1 mention"));
        }
        ada.terminal.awaitScreen("2 people", s -> s.lastRow().contains("2 people"));
    }
}
