package dev.lanchat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsWhatAnOperatorTypes() {
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(10), Durations.parse("10m"));
        assertEquals(Duration.ofMinutes(10), Durations.parse("10"));
        assertEquals(Duration.ofHours(2), Durations.parse(" 2H "));
        assertEquals(Duration.ofDays(1), Durations.parse("1d"));
    }

    @Test
    void refusesAnythingElseNamingIt() {
        for (String bad : new String[] {"", "0m", "-5m", "5w", "1.5h", "soon", "9999999s"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> Durations.parse(bad), bad);
            assertEquals("not a duration: '" + bad + "' (use 30s, 10m, 2h or 1d)", refused.getMessage());
        }
    }

    @Test
    void describesInTheLargestUsefulUnits() {
        assertEquals("1 s", Durations.describe(Duration.ofMillis(10)));
        assertEquals("59 s", Durations.describe(Duration.ofSeconds(59)));
        assertEquals("10 min", Durations.describe(Duration.ofMinutes(10)));
        assertEquals("10 min", Durations.describe(Duration.ofSeconds(9 * 60 + 1)), "rounded up");
        assertEquals("2 h 5 min", Durations.describe(Duration.ofMinutes(125)));
        assertEquals("3 days", Durations.describe(Duration.ofDays(3)));
    }
}
