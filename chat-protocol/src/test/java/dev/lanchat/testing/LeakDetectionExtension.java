package dev.lanchat.testing;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs Netty's leak detector at {@code PARANOID} for every test class and fails the class if a leaked buffer is
 * reported. Registered for every test through JUnit's extension auto-detection (see the service file beside it and
 * the surefire configuration in the parent POM).
 *
 * <p>A leak is only reported once the leaked buffer has been garbage collected and a later buffer is tracked, so
 * after each class this collects garbage, waits until the collector has processed references, and allocates a
 * buffer to make the detector report what it found.
 */
public final class LeakDetectionExtension implements BeforeAllCallback, AfterAllCallback {

    private static final List<String> LEAKS = new ArrayList<>();

    static {
        ByteBufUtil.setLeakListener((resourceType, records) -> {
            synchronized (LEAKS) {
                LEAKS.add(resourceType + " leaked:\n" + records);
            }
        });
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        takeLeaks();
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        List<String> leaks = collectLeaks();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " buffer leak(s) reported by Netty's leak detector in "
                    + context.getDisplayName() + ":\n" + String.join("\n", leaks));
        }
    }

    /** Forces the detector to report every buffer that has become garbage without being released, and returns them. */
    public static List<String> collectLeaks() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            awaitGarbageCollection();
            // Tracking a new buffer is what makes the detector drain its queue of collected, unreleased buffers.
            ByteBufAllocator.DEFAULT.buffer(1).release();
            UnpooledByteBufAllocator.DEFAULT.heapBuffer(1).release();
        }
        return takeLeaks();
    }

    private static void awaitGarbageCollection() throws InterruptedException {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        PhantomReference<Object> sentinel = new PhantomReference<>(new Object(), queue);
        long deadline = System.nanoTime() + 5_000_000_000L;
        Reference<?> collected = null;
        while (collected == null && System.nanoTime() < deadline) {
            System.gc();
            collected = queue.remove(100);
        }
        // Keep the reference itself reachable until here, so that it can be enqueued.
        sentinel.clear();
    }

    private static List<String> takeLeaks() {
        synchronized (LEAKS) {
            List<String> taken = new ArrayList<>(LEAKS);
            LEAKS.clear();
            return taken;
        }
    }
}
