package dev.lanchat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RateMeterTest {

    private static final long T0 = 1_795_000_000_000L; // a whole second

    private final RateMeter meter = new RateMeter();

    @Test
    void averagesWholeSecondsBeforeTheCurrentOne() {
        for (int second = 0; second < 10; second++) {
            for (int i = 0; i < second; i++) {
                meter.record(T0 + second * 1000L + i);
            }
        }
        // At T0 + 10 s: seconds 0..9 held 0+1+...+9 = 45 events.
        assertEquals(4.5, meter.perSecond(T0 + 10_000, 10));
        assertEquals((7 + 8 + 9) / 3.0, meter.perSecond(T0 + 10_000, 3));
        meter.record(T0 + 10_500);
        assertEquals(4.5, meter.perSecond(T0 + 10_999, 10), "the second under way does not count yet");
    }

    @Test
    void forgetsWhatIsOlderThanAMinute() {
        meter.record(T0);
        assertEquals(1 / 60.0, meter.perSecond(T0 + 60_000, 60));
        assertEquals(0.0, meter.perSecond(T0 + 61_000, 60));
        meter.record(T0 + 61_000 + RateMeter.SECONDS * 1000L); // reuses the slot of T0, which must be reset
        assertEquals(1.0, meter.perSecond(T0 + 62_000 + RateMeter.SECONDS * 1000L, 1));
    }

    @Test
    void aWindowOutsideTheMinuteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> meter.perSecond(T0, 0));
        assertThrows(IllegalArgumentException.class, () -> meter.perSecond(T0, 61));
    }
}
