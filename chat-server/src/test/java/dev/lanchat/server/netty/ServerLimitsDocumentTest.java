package dev.lanchat.server.netty;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.server.room.HubSettings;
import dev.lanchat.server.store.FileHistoryStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the limits that {@code PROTOCOL.md} states equal to the server's defaults. */
class ServerLimitsDocumentTest {

    @Test
    void everyDocumentedLimitIsTheServersDefault() throws IOException {
        String document = Files.readString(Path.of(System.getProperty("protocol.document", "../PROTOCOL.md")),
                StandardCharsets.UTF_8);
        ConnectionLimits limits = ConnectionLimits.DEFAULTS;
        List<String> rows = List.of(
                "| time to send the hello after connecting | " + limits.handshakeTimeout().toSeconds() + " s",
                "| open connections, in total / from one address / still joining | " + limits.maxConnections()
                        + " / " + limits.maxPerAddress() + " / " + limits.maxHandshaking() + " ",
                "| messages a member may send | bursts of " + limits.floodBurst() + ", then "
                        + (int) limits.floodRate() + " a second",
                "| bytes queued for a member that does not read | " + limits.sendQueueBytes() + ", or full for "
                        + limits.unwritableTimeout().toSeconds() + " s",
                "| silence before the server pings / time to answer | " + limits.idleBeforePing().toSeconds()
                        + " s / " + limits.pingTimeout().toSeconds() + " s",
                "(default " + limits.maxFrameBytes() + " bytes)",
                "passes **" + limits.sendQueueBytes() + " bytes**",
                "bursts of\n" + limits.floodBurst() + " messages, then " + (int) limits.floodRate() + " a second",
                "The first " + PasswordGate.FREE_ATTEMPTS + " wrong",
                "up to " + PasswordGate.MAX_DELAY.toSeconds() + " s, for " + PasswordGate.FORGET_AFTER.toMinutes()
                        + " minutes",
                "keeps its last " + HubSettings.DEFAULT_HISTORY_MAX + " messages",
                "(for **" + HubSettings.DEFAULT_RESUME_GRACE.toSeconds() + " s** after the connection dropped",
                FileHistoryStore.DEFAULT_SYNC_INTERVAL.equals(Duration.ofSeconds(1))
                        ? "forces to disk\nevery second" : "the interval changed: update PROTOCOL.md");
        for (String row : rows) {
            assertTrue(document.contains(row), "PROTOCOL.md does not say: " + row);
        }
    }
}
