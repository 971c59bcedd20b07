package dev.lanchat.bench.fanout;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.bench.LoopbackServer;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A short saturation search against a real server. Which rate it settles on is not asserted. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SaturationRunIT extends LoopbackServer {

    @Test
    void aSearchRunsStepsWithoutCorruptionAndReportsThem() throws Exception {
        FanoutPlan step = new FanoutPlan(4, 2, 64, 1, 1, Duration.ofMillis(200), Duration.ofMillis(600),
                Duration.ofSeconds(3));
        SaturationPlan plan = new SaturationPlan(step, 100, 400, Duration.ofSeconds(1), 1);

        SaturationResult result = new SaturationRun(fleet, address, plan, "t", OptionalLong.empty()).run();

        assertFalse(result.steps().isEmpty());
        assertTrue(result.intact(), () -> "a step lost, duplicated or reordered lines: " + result.steps());
        for (SaturationResult.Step each : result.steps()) {
            assertTrue(each.result().sent() > 0, "step at " + each.rate() + " sent nothing");
            assertTrue(each.result().deliveriesPerSecond() > 0, "step at " + each.rate() + " delivered nothing");
        }
        assertTrue(FanoutReports.saturation(result).jsonLine().contains("\"scenario\":\"saturation\""));
    }
}
