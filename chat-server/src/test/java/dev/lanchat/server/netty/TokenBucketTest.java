package dev.lanchat.server.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void aFullBucketAllowsItsBurstAtOnce() {
        TokenBucket bucket = new TokenBucket(10, 20);
        for (int i = 0; i < 20; i++) {
            assertTrue(bucket.tryTake(0), "token " + i);
        }
        assertFalse(bucket.tryTake(0));
    }

    @Test
    void tokensComeBackAtTheRate() {
        TokenBucket bucket = new TokenBucket(10, 1);
        assertTrue(bucket.tryTake(0));
        assertFalse(bucket.tryTake(50 * MS));
        assertEquals(50 * MS, bucket.nanosUntilToken(50 * MS));
        assertTrue(bucket.tryTake(100 * MS));
        assertFalse(bucket.tryTake(100 * MS));
    }

    @Test
    void anIdleBucketFillsOnlyToItsBurst() {
        TokenBucket bucket = new TokenBucket(1000, 3);
        bucket.tryTake(0);
        long later = TimeUnit.SECONDS.toNanos(60);
        int taken = 0;
        while (bucket.tryTake(later)) {
            taken++;
        }
        assertEquals(3, taken);
    }
}
