package dev.lanchat.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which JVM flags the server the bench starts gets: the same file {@code ./chat server} uses. */
class ServerHandleTest {

    @Test
    void aBuiltServerGetsTheFlagsFileOfItsModule(@TempDir Path dir) throws IOException {
        Path jar = Files.createDirectories(dir.resolve("chat-server/target")).resolve("chat-server.jar");
        Files.createFile(jar);
        Path options = Files.createFile(dir.resolve("chat-server/jvm.options"));

        assertEquals(Optional.of(options), ServerHandle.jvmOptions(jar));
    }

    @Test
    void anInstalledServerGetsTheFlagsFileBesideIt(@TempDir Path dir) throws IOException {
        Path jar = Files.createFile(dir.resolve("chat-server.jar"));
        Path options = Files.createFile(dir.resolve("jvm.options"));

        assertEquals(Optional.of(options), ServerHandle.jvmOptions(jar));
    }

    @Test
    void withoutAFlagsFileTheServerGetsTheJvmDefaults(@TempDir Path dir) throws IOException {
        Path jar = Files.createDirectories(dir.resolve("elsewhere/target")).resolve("chat-server.jar");
        Files.createFile(jar);

        assertEquals(Optional.empty(), ServerHandle.jvmOptions(jar));
    }
}
