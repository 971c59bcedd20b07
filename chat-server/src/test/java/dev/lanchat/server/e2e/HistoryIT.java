package dev.lanchat.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.server.ChatServer;
import dev.lanchat.server.ServerConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** History outlives the server: a restart, and even a killed process, lose nothing anyone saw. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HistoryIT {

    @TempDir
    Path dataDir;

    private ChatServer start() throws Exception {
        ServerConfig config = ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0));
        ChatServer server = new ChatServer(config.withHistory(dataDir, ServerConfig.History.DEFAULTS, Duration.ZERO)
                .withLimits(config.limits().withFlood(10_000, 100)));
        server.start();
        return server;
    }

    @Test
    void aNewMemberAfterARestartSeesEarlierMessagesInOrder() throws Exception {
        ChatServer first = start();
        try (WireClient ada = WireClient.connect(first.address()).join("ada")) {
            for (int i = 1; i <= 30; i++) {
                ada.send(new ClientMessage.Say("lobby " + i));
            }
            ada.send(new ClientMessage.Command("join", "games"));
            ada.send(new ClientMessage.Command("topic", "Friday night"));
            ada.send(new ClientMessage.Say("games 1"));
            ada.await(ServerMessage.Chat.class, c -> c.text().equals("games 1"));
        }
        first.stop("restart");

        ChatServer second = start();
        try (WireClient bob = WireClient.connect(second.address()).join("bob")) {
            ServerMessage.History lobby = bob.next(ServerMessage.History.class);
            assertEquals(IntStream.rangeClosed(1, 30).mapToObj(i -> "lobby " + i).collect(Collectors.toList()),
                    texts(lobby));
            assertEquals(IntStream.rangeClosed(1, 30).boxed().map(Long::valueOf).collect(Collectors.toList()),
                    lobby.messages().stream().map(ServerMessage.Chat::id).collect(Collectors.toList()));
            bob.send(new ClientMessage.Command("join", "GAMES"));
            ServerMessage.Entered games = bob.next(ServerMessage.Entered.class);
            assertEquals("Friday night", games.topic());
            assertEquals(List.of("games 1"), texts(bob.next(ServerMessage.History.class)));
        } finally {
            second.stop("test over");
        }
    }

    @Test
    void aKilledServerProcessLosesNoMessageThatAnyoneSaw() throws Exception {
        String data = dataDir.toString();
        try (ServerProcess server = new ServerProcess("--data-dir", data, "--flood-rate", "10000");
             WireClient talker = WireClient.connect(server.address).join("talker");
             WireClient listener = WireClient.connect(server.address).join("listener")) {
            for (int i = 1; i <= 100; i++) {
                talker.send(new ClientMessage.Say("line " + i));
            }
            listener.await(ServerMessage.Chat.class, c -> c.text().equals("line 100"));
            // The listener saw all hundred: now the process dies without any chance to flush or close.
            server.process.destroyForcibly();
            assertTrue(server.process.waitFor(10, TimeUnit.SECONDS));
        }
        try (ServerProcess restarted = new ServerProcess("--data-dir", data, "--history-on-join", "100");
             WireClient newcomer = WireClient.connect(restarted.address).join("newcomer")) {
            ServerMessage.History history = newcomer.next(ServerMessage.History.class);
            assertEquals(IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.toList()),
                    texts(history));
            System.out.println("[crash] 100 of 100 messages seen before a SIGKILL were in the history after it");
        }
    }

    private static List<String> texts(ServerMessage.History history) {
        return history.messages().stream().map(ServerMessage.Chat::text).collect(Collectors.toList());
    }
}
