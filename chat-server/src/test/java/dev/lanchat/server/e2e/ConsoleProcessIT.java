package dev.lanchat.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.ServerMessage;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server's own process: in a terminal its standard input is the operator's console; without one (a pipe, a
 * service, a container) there is no console and the server runs as before.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ConsoleProcessIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void inATerminalTheOperatorTypesCommandsAndShutdownStopsWithTheReason() throws Exception {
        try (ServerProcess server = ServerProcess.inTerminal("--no-data", "--no-advertise");
             WireClient ada = WireClient.connect(server.address).join("ada")) {
            await().atMost(WAIT).until(() -> server.output().contains("Type help for the operator's commands"));

            server.type("who\r");
            await().atMost(WAIT).until(() -> server.output().matches("(?s).*ada +lobby +127\\.0\\.0\\.1 .*"));

            server.type("shutdown lunch break\r");
            ServerMessage.Bye bye = ada.await(ServerMessage.Bye.class, b -> true);
            assertEquals(LeaveReason.SHUTDOWN.wireName(), bye.reason());
            assertTrue(bye.text().contains("lunch break"), bye.text());
            assertTrue(server.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), server.output());
            assertEquals(0, server.process.exitValue(), server.output());
            assertTrue(server.output().contains("Server stopped."), server.output());
        }
    }

    @Test
    void inATerminalCtrlCAtThePromptStopsTheServerGracefully() throws Exception {
        try (ServerProcess server = ServerProcess.inTerminal("--no-data", "--no-advertise");
             WireClient ada = WireClient.connect(server.address).join("ada")) {
            await().atMost(WAIT).until(() -> server.output().contains("Type help for the operator's commands"));
            server.type("\u0003");
            assertEquals(LeaveReason.SHUTDOWN.wireName(), ada.await(ServerMessage.Bye.class, b -> true).reason());
            assertTrue(server.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), server.output());
            assertEquals(0, server.process.exitValue(), server.output());
        }
    }

    @Test
    void withoutATerminalOrWithNoConsoleThereIsNoConsole() throws Exception {
        try (ServerProcess piped = new ServerProcess("--no-data", "--no-advertise");
             ServerProcess told = ServerProcess.inTerminal("--no-data", "--no-advertise", "--no-console")) {
            for (ServerProcess server : new ServerProcess[] {piped, told}) {
                await().atMost(WAIT).until(() -> server.output().contains("Press Ctrl-C to stop."));
                assertFalse(server.output().contains("Type help"), server.output());
            }
            try (WireClient member = WireClient.connect(told.address).join("member")) {
                told.terminate();
                assertEquals(LeaveReason.SHUTDOWN.wireName(), member.await(ServerMessage.Bye.class, b -> true)
                        .reason());
                assertTrue(told.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), told.output());
            }
        }
    }
}
