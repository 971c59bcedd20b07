package dev.lanchat.bench.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatePacerTest {

    private static final long SECOND = 1_000_000_000L;

    @ParameterizedTest
    @CsvSource({"1000, 1000", "100, 100", "1, 1", "0.5, 1", "3, 3", "33.3, 34", "1000000, 1000000"})
    void aSecondHoldsRateManyMessages(double perSecond, long expected) {
        RatePacer pacer = new RatePacer(perSecond, 5 * SECOND, 6 * SECOND);

        assertEquals(expected, pacer.total());
        assertTrue(pacer.intendedTime(pacer.total() - 1) < 6 * SECOND);
        assertTrue(pacer.intendedTime(pacer.total()) >= 6 * SECOND);
    }

    @Test
    void messagesAreDueEvenlySpaced() {
        RatePacer pacer = new RatePacer(4, 0, SECOND);

        assertEquals(0, pacer.intendedTime(0));
        assertEquals(250_000_000L, pacer.intendedTime(1));
        assertEquals(500_000_000L, pacer.intendedTime(2));
        assertEquals(750_000_000L, pacer.intendedTime(3));
    }

    @Test
    void nothingIsDueBeforeTheStartAndTheFirstIsDueAtIt() {
        RatePacer pacer = new RatePacer(10, SECOND, 2 * SECOND);

        assertEquals(0, pacer.dueBy(0));
        assertEquals(0, pacer.dueBy(SECOND - 1));
        assertEquals(1, pacer.dueBy(SECOND));
        assertEquals(1, pacer.dueBy(SECOND + 99_999_999));
        assertEquals(2, pacer.dueBy(SECOND + 100_000_000));
    }

    @Test
    void aSenderThatFallsBehindCatchesUpButNeverPastTheEnd() {
        RatePacer pacer = new RatePacer(1000, 0, SECOND);

        assertEquals(500, pacer.dueBy(SECOND / 2 - 1));
        assertEquals(1000, pacer.dueBy(SECOND));
        assertEquals(1000, pacer.dueBy(10 * SECOND));
    }

    @Test
    void dueCountsRiseOneAtATimeAtEachIntendedTime() {
        RatePacer pacer = new RatePacer(7777.7, 123, 123 + SECOND / 10);
        for (long i = 0; i < pacer.total(); i++) {
            long at = pacer.intendedTime(i);
            assertEquals(i, pacer.dueBy(at - 1), "just before message " + i);
            assertEquals(i + 1, pacer.dueBy(at), "at message " + i);
        }
    }

    @Test
    void refusesANonPositiveRateOrAnEndBeforeTheStart() {
        assertThrows(IllegalArgumentException.class, () -> new RatePacer(0, 0, SECOND));
        assertThrows(IllegalArgumentException.class, () -> new RatePacer(-1, 0, SECOND));
        assertThrows(IllegalArgumentException.class, () -> new RatePacer(Double.NaN, 0, SECOND));
        assertThrows(IllegalArgumentException.class, () -> new RatePacer(10, SECOND, 0));
    }
}
