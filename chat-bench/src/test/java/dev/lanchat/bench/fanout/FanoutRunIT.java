package dev.lanchat.bench.fanout;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.bench.LoopbackServer;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Short fan-out runs against a real server, so that the tool cannot rot. Figures are not asserted. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FanoutRunIT extends LoopbackServer {

    @Test
    void aClosedLoopRunDeliversEveryLineToEveryMemberOnceAndInOrder() throws Exception {
        FanoutPlan plan = new FanoutPlan(6, 3, 64, 0, 8, Duration.ofMillis(300), Duration.ofMillis(1500),
                Duration.ofSeconds(10));

        FanoutResult result = new FanoutRun(fleet, address, plan, "t", OptionalLong.empty()).run();

        assertIntactWithTraffic(result);
    }

    @Test
    void aFixedRateRunSendsWhatThePacerAsksAndLosesNothing() throws Exception {
        FanoutPlan plan = new FanoutPlan(5, 4, 100, 400, 1, Duration.ofMillis(300), Duration.ofMillis(1500),
                Duration.ofSeconds(10));

        FanoutResult result = new FanoutRun(fleet, address, plan, "t", OptionalLong.empty()).run();

        assertIntactWithTraffic(result);
        // 400 lines/s for 1.5 s, give or take one per sender at each edge of the window; the pacer catches up when
        // late, so this holds however busy the machine is.
        long expected = 600;
        assertTrue(Math.abs(result.sentMeasured() - expected) <= plan.senders(),
                "sent " + result.sentMeasured() + " in the measured part, expected about " + expected);
    }

    private static void assertIntactWithTraffic(FanoutResult result) {
        assertAll(
                () -> assertTrue(result.drained(), "every line must arrive before the drain limit"),
                () -> assertEquals(0, result.account().lost(), "lost"),
                () -> assertEquals(0, result.account().duplicates(), "duplicated"),
                () -> assertEquals(0, result.account().reordered(), "out of order"),
                () -> assertEquals(0, result.disconnects(), "disconnects"),
                () -> assertEquals(0, result.serverErrors(), "server errors"),
                () -> assertEquals(0, result.foreign(), "foreign lines"),
                () -> assertNull(result.problem()),
                () -> assertTrue(result.intact()),
                () -> assertTrue(result.sentMeasured() > 0, "lines sent in the measured part"),
                () -> assertTrue(result.messagesPerSecond() > 0, "messages/s"),
                () -> assertTrue(result.deliveriesPerSecond() > 0, "deliveries/s"),
                () -> assertTrue(result.latency().count() > 0, "latencies recorded"),
                () -> assertEquals(result.sent(), result.account().sent() / result.plan().members(),
                        "every member's streams account for every line sent"));
    }
}
