package dev.lanchat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line: what it refuses before any connection is made. */
class BenchMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.1", "10.0.0.1", "8.8.8.8", "2001:db8::1"})
    void refusesToTargetAnythingButLoopback(String host) {
        assertEquals(2, run("fanout", "--host", host, "--port", "7777"));
        assertTrue(err().contains("only loads servers on this machine's loopback addresses"), err());
        assertTrue(err().lines().count() == 1, "one line: " + err());
    }

    @Test
    void refusesAFlagThatDoesNotApplyToTheScenario() {
        assertEquals(2, run("scale", "--rate", "1000"));
        assertTrue(err().contains("--rate does not apply to scale (only to fanout)"), err());
    }

    @Test
    void refusesAnUnknownScenario() {
        assertEquals(2, run("flood"));
        assertTrue(err().contains("SCENARIO"), err());
    }

    @Test
    void refusesAnInvalidPlanNamingTheValue() {
        assertEquals(2, run("fanout", "--size", "10"));
        assertTrue(err().contains("message size must be between"), err());
        assertTrue(err().contains(": 10"), err());
    }

    @Test
    void refusesServerFlagsWhenNotStartingTheServer() {
        assertEquals(2, run("fanout", "--port", "7777", "--server-arg=--quiet"));
        assertTrue(err().contains("for the server the bench starts"), err());
    }

    @Test
    void takesAServerFlagThatIsAlsoABenchFlagAsAServerFlag() {
        // Parsed as --server-arg's value (then refused only because --port names a running server), not as an error.
        assertEquals(2, run("fanout", "--port", "7777", "--server-arg=--io-threads=1"));
        assertTrue(err().contains("for the server the bench starts"), err());
    }

    @Test
    void printsHelpListingTheScenarios() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("fanout") && help.contains("saturation") && help.contains("scale"), help);
        assertTrue(help.contains("--server-arg"), help);
    }

    private int run(String... args) {
        return BenchMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
