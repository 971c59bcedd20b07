package dev.lanchat.bench.scale;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.bench.LoopbackServer;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Short scale runs against a real server in this JVM, whose memory the run reads through this JVM's pid. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScaleRunIT extends LoopbackServer {

    @Test
    void idleMembersJoinHearOfEachOtherAndReceiveEveryBroadcast() throws Exception {
        ScalePlan plan = new ScalePlan(40, 8, 0, 2, Duration.ofSeconds(30));

        ScaleResult result = new ScaleRun(fleet, address, plan, OptionalLong.of(ProcessHandle.current().pid()), "t")
                .run();

        assertAll(
                () -> assertTrue(result.complete(), () -> "incomplete: " + result),
                () -> assertEquals(40L * 39 / 2, result.joinNotices()),
                () -> assertEquals(2, result.broadcastNanos().size()),
                () -> assertTrue(result.joinsPerSecond() > 0),
                () -> assertTrue(result.rssAfter().ok(), result.rssAfter().source()),
                () -> assertTrue(result.liveHeapAfter().ok(), result.liveHeapAfter().source()),
                () -> assertEquals(1, result.sourceAddresses()));
    }

    @Test
    void connectionsSpreadOverSeveralLoopbackSourceAddresses() throws Exception {
        ScalePlan plan = new ScalePlan(30, 8, 3, 1, Duration.ofSeconds(30));

        ScaleResult result = new ScaleRun(fleet, address, plan, OptionalLong.empty(), "t").run();

        assertTrue(result.complete(), () -> "incomplete: " + result);
        assertEquals(3, result.sourceAddresses());
        assertTrue(ScaleReports.scale(result).jsonLine().contains("\"serverRssKiB\":null"),
                "no pid, no memory figures");
    }
}
