package dev.lanchat.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.server.room.HistoryStore;
import dev.lanchat.server.room.StoredMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHistoryStoreTest {

    private static final Instant T = Instant.parse("2026-11-22T12:00:00Z");

    @TempDir
    Path dir;

    private static StoredMessage message(long id) {
        return new StoredMessage(id, T.plusSeconds(id), "ada", "line " + id + " ✓ \"quoted\"\nsecond line", id % 2 == 0);
    }

    private HistoryStore store() throws IOException {
        return new FileHistoryStore(dir, Duration.ofSeconds(1));
    }

    @Test
    void messagesAndTopicsOutliveTheStore() throws IOException {
        try (HistoryStore store = store()) {
            HistoryStore.RoomLog games = store.open("games", "Games");
            games.load();
            games.append(message(1));
            games.appendTopic(new HistoryStore.Topic("Friday night", "ada", T));
            games.append(message(2));
        }
        try (HistoryStore store = store()) {
            HistoryStore.Snapshot snapshot = store.open("games", "Games").load();
            assertEquals("Games", snapshot.name());
            assertEquals(List.of(message(1), message(2)), snapshot.messages());
            assertEquals(new HistoryStore.Topic("Friday night", "ada", T), snapshot.topic());
            assertEquals(2, snapshot.lastId());
        }
    }

    @Test
    void aTornTailIsSkippedAndCutOffSoLaterAppendsStayReadable() throws IOException {
        Path file = write(3);
        long whole = Files.size(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 7)); // a crash in the middle of the last write

        try (HistoryStore store = store()) {
            HistoryStore.RoomLog log = store.open("lobby", "lobby");
            assertEquals(List.of(1L, 2L), ids(log.load()));
            assertTrue(Files.size(file) < whole - 7, "the torn record was cut off");
            log.append(message(3));
        }
        try (HistoryStore store = store()) {
            assertEquals(List.of(1L, 2L, 3L), ids(store.open("lobby", "lobby").load()));
        }
    }

    @Test
    void aDamagedRecordInsideTheFileIsSkippedAndTheRestIsRead() throws IOException {
        Path file = write(3);
        byte[] bytes = Files.readAllBytes(file);
        int second = indexOf(bytes, "line 2".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes[second] ^= 0x20; // one flipped bit: the record's checksum no longer matches
        Files.write(file, bytes);
        try (HistoryStore store = store()) {
            assertEquals(List.of(1L, 3L), ids(store.open("lobby", "lobby").load()));
        }
    }

    @Test
    void aFileOfGarbageLoadsAsEmptyWithoutFailing() throws IOException {
        Files.write(dir.resolve(FileHistoryStore.fileName("lobby")), new byte[] {1, 2, 3, 'L', 'C', 0, 0, 0, 9});
        try (HistoryStore store = store()) {
            HistoryStore.Snapshot snapshot = store.open("lobby", "lobby").load();
            assertEquals(List.of(), snapshot.messages());
            assertEquals(0, snapshot.lastId());
        }
    }

    @Test
    void compactionKeepsWhatItIsGivenAndRemembersTheLastId() throws IOException {
        write(10);
        try (HistoryStore store = store()) {
            HistoryStore.RoomLog log = store.open("lobby", "lobby");
            log.load();
            log.compact(List.of(message(9), message(10)), new HistoryStore.Topic("kept", "bob", T), 12);
        }
        try (HistoryStore store = store()) {
            HistoryStore.Snapshot snapshot = store.open("lobby", "lobby").load();
            assertEquals(List.of(9L, 10L), ids(snapshot));
            assertEquals("kept", snapshot.topic().text());
            assertEquals(12, snapshot.lastId());
        }
    }

    @Test
    void roomKeysBecomeSafeFileNames() {
        assertEquals("room-lobby.log", FileHistoryStore.fileName("lobby"));
        assertEquals("room-..%2Fetc.log", FileHistoryStore.fileName("../etc"));
        assertTrue(FileHistoryStore.fileName("日本").matches("room-[A-Za-z0-9%._*-]+\\.log"));
    }

    private Path write(int count) throws IOException {
        try (HistoryStore store = store()) {
            HistoryStore.RoomLog log = store.open("lobby", "lobby");
            log.load();
            for (int i = 1; i <= count; i++) {
                log.append(message(i));
            }
        }
        return dir.resolve(FileHistoryStore.fileName("lobby"));
    }

    private static List<Long> ids(HistoryStore.Snapshot snapshot) {
        return snapshot.messages().stream().map(StoredMessage::id).collect(Collectors.toList());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
