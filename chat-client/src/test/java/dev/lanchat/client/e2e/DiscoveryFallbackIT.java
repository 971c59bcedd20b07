package dev.lanchat.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.client.ClientMainAccess;
import dev.lanchat.client.RoomsMainAccess;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.server.ChatServer;
import dev.lanchat.server.ServerConfig;
import dev.lanchat.testing.LoopbackMulticast;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client without {@code --host} when no room is advertised (browsing on the loopback interface, where nothing
 * else advertises): it falls back to a server on this machine, and only if one answers there.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiscoveryFallbackIT {

    private final Captured captured = new Captured();

    @BeforeEach
    void needsLoopbackMulticast() {
        LoopbackMulticast.require();
    }

    private int runClient(String input, String... args) throws InterruptedException {
        return ClientMainAccess.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                captured.out, captured.err);
    }

    @Test
    void withNoRoomOnTheLanTheClientJoinsTheServerOnThisMachine() throws Exception {
        ChatServer server = new ChatServer(ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)));
        InetSocketAddress address = server.start();
        try (TestMember observer = TestMember.join(address, "observer")) {
            int status = runClient("hello\nquit\n", "--discover-on", "127.0.0.1", "--port",
                    String.valueOf(address.getPort()), "--nick", "bot");

            String output = captured.output();
            assertEquals(0, status, captured.all());
            assertTrue(output.contains("No room found on the LAN; joining the server on this machine."), output);
            assertEquals("hello", observer.await(ServerMessage.Chat.class, chat -> chat.from().equals("bot")).text());
        } finally {
            server.stop("test over");
        }
    }

    @Test
    void withNoRoomAndNoLocalServerTheClientSaysHowToGiveAnAddress() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            freePort = probe.getLocalPort();
        }
        int status = runClient("hello\n", "--discover-on", "127.0.0.1", "--port", String.valueOf(freePort),
                "--nick", "bot");

        String output = captured.output();
        assertEquals(1, status, captured.all());
        assertTrue(output.contains("No chat room found on the LAN, and no server answers on this machine (port "
                + freePort + ")"), output);
        assertTrue(output.contains("--host ADDRESS"), output);
    }

    @Test
    void chatRoomsSaysSoAndExitsOneWhenItFindsNothing() throws Exception {
        int status = RoomsMainAccess.run(new String[] {"--discover-on", "127.0.0.1", "--wait", "1"},
                captured.out, captured.err);

        assertEquals(1, status, captured.all());
        assertEquals("No chat rooms found on the LAN.", captured.output().strip());
    }
}
