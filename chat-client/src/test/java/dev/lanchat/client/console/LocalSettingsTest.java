package dev.lanchat.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSettingsTest {

    @TempDir
    Path dir;

    @Test
    void startsWithNobodyIgnoredAndTheBellForMentions() {
        LocalSettings settings = LocalSettings.load(dir.resolve("settings"));
        assertEquals(List.of(), settings.ignored());
        assertEquals(BellMode.MENTIONS, settings.bell());
        assertFalse(Files.exists(dir.resolve("settings")), "nothing is written until something changes");
    }

    @Test
    void theIgnoreListAndTheBellAreKeptAcrossRuns() throws Exception {
        Path file = dir.resolve("state").resolve("settings");
        LocalSettings first = LocalSettings.load(file);
        assertTrue(first.ignore("bob"));
        assertTrue(first.ignore("Cy"));
        first.bell(BellMode.ALL);

        LocalSettings second = LocalSettings.load(file);
        assertEquals(List.of("bob", "Cy"), second.ignored());
        assertTrue(second.isIgnored("BOB") && second.isIgnored("cy"));
        assertEquals(BellMode.ALL, second.bell());

        assertTrue(second.unignore("CY"));
        assertEquals(List.of("bob"), LocalSettings.load(file).ignored());
    }

    @Test
    void nicksAreComparedIgnoringCase() throws Exception {
        LocalSettings settings = LocalSettings.load(dir.resolve("settings"));
        assertTrue(settings.ignore("Bob"));
        assertFalse(settings.ignore("BOB"), "ignored already");
        assertFalse(settings.unignore("cy"), "not ignored");
        assertTrue(settings.unignore("bob"));
        assertFalse(settings.isIgnored("Bob"));
    }

    @Test
    void theFileIsPlainTextAPersonCanRead() throws Exception {
        Path file = dir.resolve("settings");
        LocalSettings settings = LocalSettings.load(file);
        settings.ignore("bob");
        settings.bell(BellMode.OFF);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(List.of("bell=off", "ignore=bob"), lines.subList(1, lines.size()));
        assertTrue(lines.get(0).startsWith("#"));
    }

    @Test
    void linesItDoesNotUnderstandAreSkipped() throws Exception {
        Path file = dir.resolve("settings");
        Files.writeString(file, "# a comment\nbell=sometimes\nignore=\nnonsense\ncolour=blue\nignore = dan \n",
                StandardCharsets.UTF_8);
        LocalSettings settings = LocalSettings.load(file);
        assertEquals(BellMode.MENTIONS, settings.bell());
        assertEquals(List.of("dan"), settings.ignored());
    }

    @Test
    void aChangeThatCannotBeSavedStillHoldsForTheRun() throws Exception {
        Path blocker = dir.resolve("not-a-directory");
        Files.writeString(blocker, "a file where the settings' directory should be", StandardCharsets.UTF_8);
        LocalSettings settings = LocalSettings.load(blocker.resolve("settings"));
        assertThrows(IOException.class, () -> settings.ignore("bob"));
        assertTrue(settings.isIgnored("bob"));
    }

    @Test
    void inMemorySettingsAreNeverWritten() throws Exception {
        LocalSettings settings = LocalSettings.inMemory();
        assertTrue(settings.ignore("bob"));
        settings.bell(BellMode.OFF);
        assertEquals(null, settings.file());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
