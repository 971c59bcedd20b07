package dev.lanchat.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.ServerMessage;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stopping loses nothing already accepted, says goodbye, and does not wait on a stuck member. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShutdownIT {

    private static final String PADDING = "y".repeat(200);

    @Test
    void everyAcceptedLineIsDeliveredBeforeTheGoodbyeEvenWithAStuckMember() throws Exception {
        ServerFixture fixture = new ServerFixture(l -> l.withFlood(1_000_000, 1_000_000)
                .withSendQueue(16 * 1024 * 1024, l.socketSendBuffer()));
        try (fixture) {
            WireClient talker = fixture.join("talker");
            WireClient listener = fixture.join("listener");
            fixture.track(WireClient.connectNeverReading(fixture.address)).helloBlind("stuck");
            listener.await(ServerMessage.Joined.class, j -> j.nick().equals("stuck"));
            int lines = 2000; // ~450 KB: far more than the stuck member's socket buffers take
            for (int i = 0; i < lines; i++) {
                talker.send(new ClientMessage.Say(i + " " + PADDING));
            }
            talker.send(new ClientMessage.Command("who", ""));
            talker.await(ServerMessage.Members.class, m -> true); // the server has accepted every line

            long start = System.nanoTime();
            fixture.server.stop("maintenance");
            long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            for (int i = 0; i < lines; i++) {
                final String prefix = i + " ";
                listener.await(ServerMessage.Chat.class, c -> c.text().startsWith(prefix));
            }
            ServerMessage.Bye bye = listener.await(ServerMessage.Bye.class, b -> true);
            assertEquals(LeaveReason.SHUTDOWN.wireName(), bye.reason());
            assertTrue(listener.awaitClosed(Duration.ofSeconds(5)));
            System.out.printf("[shutdown] stop took %d ms with a stuck member holding a full queue%n", stopMillis);
            assertTrue(stopMillis < 5000, "stopping took " + stopMillis + " ms");
        }
    }

    @Test
    void sigtermStopsTheServerProcessGracefullyWithStatusZero() throws Exception {
        try (ServerProcess server = new ServerProcess("--no-data");
             WireClient member = WireClient.connect(server.address).join("member");
             WireClient talker = WireClient.connect(server.address).join("talker")) {
            for (int i = 0; i < 50; i++) {
                talker.send(new ClientMessage.Say("line " + i));
            }
            talker.send(new ClientMessage.Command("who", ""));
            talker.await(ServerMessage.Members.class, m -> true);

            long start = System.nanoTime();
            server.process.destroy(); // SIGTERM
            assertTrue(server.process.waitFor(5, TimeUnit.SECONDS),
                    "the server did not exit within 5 s:\n" + server.output());
            long exitMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(0, server.process.exitValue(), "exit status after SIGTERM:\n" + server.output());

            for (int i = 0; i < 50; i++) {
                final String text = "line " + i;
                member.await(ServerMessage.Chat.class, c -> c.text().equals(text));
            }
            assertEquals(LeaveReason.SHUTDOWN.wireName(), member.await(ServerMessage.Bye.class, b -> true).reason());
            System.out.printf("[sigterm] the server process exited with status 0 in %d ms%n", exitMillis);
        }
    }
}
