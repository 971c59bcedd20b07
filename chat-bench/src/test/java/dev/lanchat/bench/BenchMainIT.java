package dev.lanchat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole command: flags in, a table and one JSON line out, against a server in this JVM and against one the
 * bench starts from the server jar (when the build has made it).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BenchMainIT extends LoopbackServer {

    private static final Path SERVER_JAR = Path.of("..", "chat-server", "target", "chat-server.jar");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aFanoutAgainstARunningServerPrintsATableThenOneJsonLine() throws IOException {
        int status = run("fanout", "--host", "127.0.0.1", "--port", Integer.toString(address.getPort()),
                "--receivers", "3", "--senders", "2", "--prime", "0.5", "--warmup", "0.2", "--duration", "0.8",
                "--drain", "5",
                "--io-threads", "1");

        assertEquals(0, status, () -> out() + err());
        List<String> lines = out().lines().toList();
        assertTrue(lines.get(0).startsWith("lanchat bench fanout"), out());
        assertTrue(out().contains("deliveries/s"), out());
        Map<String, String> json = topLevel(lines.get(lines.size() - 1));
        assertEquals("fanout", json.get("scenario"));
        assertEquals("true", json.get("intact"));
        assertEquals("0", json.get("lost"));
        assertTrue(Double.parseDouble(json.get("deliveriesPerSecond")) > 0, json.toString());
    }

    @Test
    void aScaleRunStartsItsOwnServerAndReadsItsMemory() throws IOException {
        assumeTrue(Files.isRegularFile(SERVER_JAR), "the server jar is built by the package phase");

        int status = run("scale", "--server-jar", SERVER_JAR.toString(), "--clients", "20", "--broadcasts", "1",
                "--io-threads", "1");

        assertEquals(0, status, () -> out() + err());
        Map<String, String> json = topLevel(out().lines().reduce((first, second) -> second).orElseThrow());
        assertEquals("scale", json.get("scenario"));
        assertEquals("true", json.get("complete"));
        assertTrue(Long.parseLong(json.get("serverRssKiB")) > 0, json.toString());
        assertTrue(out().contains("started by the bench: pid"), out());
    }

    @Test
    void aServerFlagTheServerRefusesFailsWithTheFlagNamed() {
        assumeTrue(Files.isRegularFile(SERVER_JAR), "the server jar is built by the package phase");

        int status = run("scale", "--server-jar", SERVER_JAR.toString(), "--server-arg=--no-such-flag=1",
                "--clients", "2");

        assertEquals(1, status, () -> out() + err());
        assertTrue(err().contains("refused the flag(s) --no-such-flag=1"), err());
        assertTrue(err().contains("--server-arg"), err());
    }

    private int run(String... args) {
        return BenchMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The scalar values of a JSON object's top level, as text; nested values are skipped. */
    private static Map<String, String> topLevel(String line) throws IOException {
        Map<String, String> values = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(line)) {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken(), line);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value.isStructStart()) {
                    parser.skipChildren();
                } else {
                    values.put(name, parser.getText());
                }
            }
            assertEquals(null, parser.nextToken(), "one object on the line");
        }
        return values;
    }
}
