package dev.lanchat.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shows that the leak check the whole suite relies on does fail on a leak, rather than pass whatever happens. */
class LeakDetectionExtensionTest {

    @Test
    void aBufferDroppedWithoutReleaseIsReported() throws InterruptedException {
        leakOneBuffer();
        List<String> leaks = LeakDetectionExtension.collectLeaks();
        assertEquals(1, leaks.size(), String.join("\n", leaks));
        assertTrue(leaks.get(0).contains("ByteBuf"), leaks.get(0));
    }

    @Test
    void aReleasedBufferIsNotReported() throws InterruptedException {
        ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(16).writeLong(42);
        buffer.release();
        assertEquals(List.of(), LeakDetectionExtension.collectLeaks());
    }

    private static void leakOneBuffer() {
        // A distinct write pattern per run keeps the leak record unique, so the detector does not de-duplicate it.
        ByteBufAllocator.DEFAULT.buffer(16).writeLong(System.nanoTime()).touch("deliberately leaked by this test");
    }
}
