package dev.lanchat.bench.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A server the bench starts keeps its histories in a folder of its own, gone when it stops. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerHandleIT {

    private static final Path SERVER_JAR = Path.of("..", "chat-server", "target", "chat-server.jar");

    @Test
    void aSpawnedServerWritesItsHistoryToAFolderOfItsOwnThatIsDeletedAfterwards() throws Exception {
        assumeTrue(Files.isRegularFile(SERVER_JAR), "the server jar is built by the package phase");
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads the server's command line from /proc");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        Path dataDir;
        try (ServerHandle server = ServerHandle.spawn(java, SERVER_JAR, List.of(), List.of("--no-advertise"),
                Duration.ofSeconds(30))) {
            List<String> command = commandLine(server.pid().getAsLong());
            int flag = command.indexOf("--data-dir");
            assertTrue(flag >= 0, "started with --data-dir: " + command);
            dataDir = Path.of(command.get(flag + 1));
            assertTrue(dataDir.getFileName().toString().startsWith("lanchat-bench-"), dataDir.toString());
            assertTrue(Files.isDirectory(dataDir), "the folder exists while the server runs");
        }
        assertFalse(Files.exists(dataDir), "the folder is deleted when the server stops: " + dataDir);
    }

    private static List<String> commandLine(long pid) throws IOException {
        String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                StandardCharsets.UTF_8);
        return Arrays.asList(raw.split("\0"));
    }
}
