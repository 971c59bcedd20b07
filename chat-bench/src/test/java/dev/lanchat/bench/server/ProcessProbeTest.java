package dev.lanchat.bench.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reading a process's memory, CPU and open-file limit, on this test's own JVM. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessProbeTest {

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void readsTheResidentSetSizeOfALiveProcess() {
        ProcessProbe.Reading rss = ProcessProbe.rss(SELF);

        assertTrue(rss.ok(), rss.source());
        assertTrue(rss.kib() > 0, "RSS " + rss.kib());
    }

    @Test
    void readsTheHeapOfAJvmThroughJcmd() {
        ProcessProbe.Reading used = ProcessProbe.heapUsed(SELF, false);
        ProcessProbe.Reading live = ProcessProbe.heapUsed(SELF, true);

        assertTrue(used.ok(), used.source());
        assertTrue(used.kib() > 0);
        assertTrue(live.ok(), live.source());
        assertTrue(live.source().contains("GC.run"), live.source());
    }

    @Test
    void aProcessThatDoesNotExistGivesAReasonInsteadOfAFigure() {
        ProcessProbe.Reading rss = ProcessProbe.rss(Long.MAX_VALUE);

        assertFalse(rss.ok());
        assertTrue(rss.source().contains("cannot read"), rss.source());
    }

    @Test
    void readsCpuTimeAndTheOpenFileLimit() {
        assertTrue(ProcessProbe.cpuTime(SELF).isPresent());
        assertTrue(FileLimits.openFiles() > 0);
        assertNull(FileLimits.shortfall(1, "one file"));
        String shortfall = FileLimits.shortfall(Long.MAX_VALUE - 1, "everything");
        assertNotNull(shortfall);
        assertTrue(shortfall.contains("ulimit -n"), shortfall);
    }
}
