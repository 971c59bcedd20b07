package dev.lanchat.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starting a server process and reading its port, with a shell script standing in for the server. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServerProcessTest {

    @Test
    void readsThePortFromTheListeningLogLineAndStopsTheProcess() throws Exception {
        ServerProcess server = ServerProcess.start(List.of("sh", "-c",
                "echo starting; echo '12:00:00.000 INFO  ChatServer     listening on 127.0.0.1:43210 (epoll transport"
                        + ", 2 I/O threads)'; exec sleep 30"), Duration.ofSeconds(10));
        try {
            assertEquals(43210, server.address().getPort());
            assertEquals("127.0.0.1", server.address().getAddress().getHostAddress());
            assertTrue(server.isAlive());
            assertTrue(server.recentOutput().contains("starting"));
        } finally {
            server.close();
        }
        assertFalse(server.isAlive(), "close must stop the process");
    }

    @Test
    void aProcessThatExitsFirstFailsWithItsStatusAndOutput() {
        ServerStartException e = assertThrows(ServerStartException.class, () -> ServerProcess.start(
                List.of("sh", "-c", "echo \"chat server: Unknown option: '--nope'\" >&2; exit 2"),
                Duration.ofSeconds(10)));

        assertEquals(2, e.exitStatus());
        assertTrue(e.getMessage().contains("status 2"), e.getMessage());
        assertEquals(List.of("chat server: Unknown option: '--nope'"), e.output());
    }

    @Test
    void aProcessThatNeverSaysWhereItListensTimesOutAndIsStopped() {
        ServerStartException e = assertThrows(ServerStartException.class, () -> ServerProcess.start(
                List.of("sh", "-c", "echo quiet; exec sleep 30"), Duration.ofMillis(500)));

        assertTrue(e.getMessage().contains("listening on"), e.getMessage());
        assertEquals(-1, e.exitStatus());
    }

    @Test
    void aCommandThatCannotStartSaysSo() {
        ServerStartException e = assertThrows(ServerStartException.class, () -> ServerProcess.start(
                List.of("/no/such/java"), Duration.ofSeconds(1)));

        assertTrue(e.getMessage().contains("/no/such/java"), e.getMessage());
    }
}
