package dev.lanchat.server.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PasswordGateTest {

    private final InetAddress guesser = InetAddress.getLoopbackAddress();
    private final PasswordGate gate = new PasswordGate("open sesame");

    @Test
    void anOpenRoomLetsEveryoneIn() {
        PasswordGate open = new PasswordGate(null);
        assertFalse(open.required());
        assertEquals(PasswordGate.Verdict.ALLOW, open.check(guesser, "", 0).verdict());
    }

    @Test
    void aMissingPasswordIsAskedForAndTheRightOneLetsIn() {
        assertEquals(PasswordGate.Verdict.REQUIRED, gate.check(guesser, "", 0).verdict());
        assertEquals(PasswordGate.Verdict.ALLOW, gate.check(guesser, "open sesame", 0).verdict());
        assertEquals(PasswordGate.Verdict.WRONG, gate.check(guesser, "open sesame ", 0).verdict());
    }

    @Test
    void repeatedWrongGuessesAreAnsweredEverMoreSlowly() {
        Duration[] expected = {Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16),
            Duration.ofSeconds(30), Duration.ofSeconds(30)};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], gate.check(guesser, "guess" + i, i).delay(), "guess " + (i + 1));
        }
    }

    @Test
    void theRightPasswordClearsTheRecordOfFailures() {
        for (int i = 0; i < 5; i++) {
            gate.check(guesser, "wrong", 0);
        }
        gate.check(guesser, "open sesame", 0);
        assertEquals(Duration.ZERO, gate.check(guesser, "wrong", 0).delay());
    }

    @Test
    void aQuietAddressIsForgivenAfterAWhile() {
        for (int i = 0; i < 5; i++) {
            gate.check(guesser, "wrong", 0);
        }
        long later = PasswordGate.FORGET_AFTER.toNanos() + TimeUnit.SECONDS.toNanos(1);
        assertEquals(Duration.ZERO, gate.check(guesser, "wrong", later).delay());
    }
}
