package dev.lanchat.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.ServerMessage;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A member sending as fast as it can is slowed to its rate, loses nothing, and does not slow the others. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FloodIT {

    private static final double RATE = 100;
    private static final int BURST = 20;
    private static final int LINES = 300;

    @Test
    void aFlooderIsThrottledToItsRateWithoutLosingAMessage() throws Exception {
        try (ServerFixture fixture = new ServerFixture(l -> l.withFlood(RATE, BURST))) {
            WireClient flooder = fixture.join("flooder");
            WireClient listener = fixture.join("listener");
            WireClient calm = fixture.join("calm");

            long start = System.nanoTime();
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < LINES; i++) {
                        flooder.send(new ClientMessage.Say("flood " + i));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            // Meanwhile another member's round trips are timed.
            Latencies roundTrips = new Latencies();
            CompletableFuture<Void> pings = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < 20; i++) {
                        long sent = System.nanoTime();
                        String token = "t" + i;
                        calm.send(new ClientMessage.Ping(token));
                        calm.await(ServerMessage.Pong.class, p -> p.token().equals(token));
                        roundTrips.add(System.nanoTime() - sent);
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });

            for (int i = 0; i < LINES; i++) {
                final String expected = "flood " + i;
                ServerMessage.Chat chat = listener.await(ServerMessage.Chat.class, c -> c.from().equals("flooder"));
                assertEquals(expected, chat.text(), "lines from the flooder lost or out of order");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            flood.get(10, TimeUnit.SECONDS);
            pings.get(30, TimeUnit.SECONDS);

            double fastest = (LINES - BURST) / RATE;
            assertTrue(seconds >= fastest * 0.9, String.format(
                    "%d lines took %.2f s; at %.0f a second after a burst of %d they cannot take less than %.2f s",
                    LINES, seconds, RATE, BURST, fastest));
            System.out.printf("[flood] %d lines at a %.0f/s limit took %.2f s; another member's ping round trips: "
                    + "%s%n", LINES, RATE, seconds, roundTrips.summary());
        }
    }
}
