package dev.lanchat.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.server.ChatServer;
import dev.lanchat.server.ServerConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconnect that resumes: after a dropped connection or a server restart, the real client comes back under the
 * same nickname, in the same room, with exactly the messages it missed, and its view of the conversation equals
 * that of a client that never left.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ResumeIT {

    @TempDir
    Path dataDir;

    private ChatServer startServer(int port) throws Exception {
        ChatServer server = new ChatServer(ServerConfig.defaults(new InetSocketAddress("127.0.0.1", port))
                .withHistory(dataDir, ServerConfig.History.DEFAULTS, ServerConfig.DEFAULT_RESUME_GRACE));
        server.start();
        return server;
    }

    private static String[] clientArgs(int port, String nick) {
        return new String[] {"--host", "127.0.0.1", "--port", String.valueOf(port), "--nick", nick, "--reconnect"};
    }

    @Test
    void aDroppedConnectionResumesWithExactlyTheMissedMessages() throws Exception {
        ChatServer server = startServer(0);
        int port = server.address().getPort();
        try (CuttableProxy proxy = new CuttableProxy(server.address());
             TestMember ada = TestMember.join(server.address(), "ada");
             ScriptedClient cy = new ScriptedClient(clientArgs(port, "cy"))) {
            cy.awaitScreen("Welcome to");
            try (ScriptedClient bob = new ScriptedClient(clientArgs(proxy.port(), "bob"))) {
                dropAndResume(proxy, ada, cy, bob);
            }
        } finally {
            server.stop("test over");
        }
    }

    private static void dropAndResume(CuttableProxy proxy, TestMember ada, ScriptedClient cy, ScriptedClient bob)
            throws Exception {
        bob.awaitScreen("Welcome to");
        cy.awaitScreen("bob joined");
        ada.say("one");
        ada.say("two");
        bob.awaitScreen("<ada> two");

        proxy.cut();
        bob.awaitScreen("Connection lost");
        ada.say("three (bob is away)");
        bob.type("typed while away");
        ada.say("four (bob is away)");
        cy.awaitScreen("<ada> four (bob is away)");

        bob.awaitScreen("Reconnected to");
        bob.awaitScreen("2 unread messages while you were away");
        ada.await(ServerMessage.Joined.class, j -> j.nick().equals("bob") && j.resumed());
        ada.say("five");
        cy.awaitScreen("<bob> typed while away");
        bob.awaitScreen("<ada> five");

        List<String> seenByBob = bob.conversation();
        assertEquals(cy.conversation(), seenByBob, "the resumed view differs from one that never left");
        // Bob's own line reaches the room once it is back, after what was said while it was away.
        assertEquals(List.of("<ada> one", "<ada> two", "<ada> three (bob is away)", "<ada> four (bob is away)",
                "<bob> typed while away", "<ada> five"), seenByBob);
        assertFalse(cy.screen().contains("bob left"), "the room saw bob leave:\n" + cy.screen());
        assertTrue(cy.screen().contains("bob reconnected"), cy.screen());
        bob.type("quit");
        assertEquals(0, bob.awaitExit());
    }

    @Test
    void aServerRestartMidConversationIsResumedWithNothingLostOrRepeated() throws Exception {
        ChatServer first = startServer(0);
        int port = first.address().getPort();
        try (ScriptedClient bob = new ScriptedClient(clientArgs(port, "bob"))) {
            bob.awaitScreen("Welcome to");
            try (ScriptedClient cy = new ScriptedClient(clientArgs(port, "cy"))) {
                restartMidConversation(first, port, bob, cy);
            }
        } finally {
            first.stop("test over");
        }
    }

    private void restartMidConversation(ChatServer first, int port, ScriptedClient bob, ScriptedClient cy)
            throws Exception {
        ChatServer second = null;
        try {
            cy.awaitScreen("Welcome to");
            bob.awaitScreen("cy joined");
            try (TestMember ada = TestMember.join(first.address(), "ada")) {
                ada.say("before the restart");
                bob.awaitScreen("<ada> before the restart");
                cy.awaitScreen("<ada> before the restart");
            }
            first.stop("restarting");
            bob.awaitScreen("will reconnect");

            second = startServer(port);
            try (TestMember ada = TestMember.join(second.address(), "ada")) {
                ServerMessage.History history = ada.next(ServerMessage.History.class);
                assertEquals("before the restart", history.messages().get(history.messages().size() - 1).text(),
                        "history did not survive the restart");
                ada.say("while they were away");
                bob.awaitScreen("Reconnected to");
                cy.awaitScreen("Reconnected to");
                bob.awaitScreen("<ada> while they were away");
                ada.await(ServerMessage.Joined.class, j -> j.resumed());
                ada.say("after");
                bob.awaitScreen("<ada> after");
                cy.awaitScreen("<ada> after");
            }
            assertEquals(cy.conversation(), bob.conversation());
            assertEquals(List.of("<ada> before the restart", "<ada> while they were away", "<ada> after"),
                    bob.conversation());
        } finally {
            if (second != null) {
                second.stop("test over");
            }
        }
    }
}
