package dev.lanchat.server.netty;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OffenceLogTest {

    @Test
    void aFloodOfReportsIsCutToTheBurstAndCounted() {
        OffenceLog log = new OffenceLog();
        int reports = OffenceLog.BURST + 30;
        for (int i = 0; i < reports; i++) {
            log.report("[test]", "misbehaved " + i);
        }
        // A second may pass while reporting and refill a few tokens; at least the excess beyond that is counted.
        long suppressed = log.suppressed();
        assertTrue(suppressed >= 30 - OffenceLog.PER_SECOND && suppressed <= 30, "suppressed " + suppressed);
    }
}
