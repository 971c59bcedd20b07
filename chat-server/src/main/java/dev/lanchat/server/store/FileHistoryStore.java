package dev.lanchat.server.store;

import dev.lanchat.server.room.HistoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Room histories in a directory, one append-only log file per room ({@link FileRoomLog}). A message is written to
 * its file (into the operating system's page cache) before it is broadcast; a background thread forces every file
 * to disk once per sync interval. So a crash of the server process loses nothing that anyone saw, and a crash of
 * the whole machine loses at most the last sync interval.
 *
 * <p>{@link #open} and the logs' writes are called on the chat thread; the sync thread only forces files to disk.
 */
public final class FileHistoryStore implements HistoryStore {

    private static final Logger log = LoggerFactory.getLogger(FileHistoryStore.class);

    /** The default sync interval: what a machine crash can lose at most. */
    public static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofSeconds(1);

    private final Path directory;
    private final Map<String, FileRoomLog> logs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService syncer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "history-sync");
        thread.setDaemon(true);
        return thread;
    });

    /** @param directory where the room logs live; created if missing */
    public FileHistoryStore(Path directory, Duration syncInterval) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        long every = Math.max(1, syncInterval.toMillis());
        syncer.scheduleWithFixedDelay(this::sync, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public RoomLog open(String key, String name) {
        return logs.computeIfAbsent(key, k -> {
            try {
                return new FileRoomLog(directory.resolve(fileName(k)), name);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the history of room " + name + ": " + e.getMessage(), e);
            }
        });
    }

    /** Forces every log with unsynced writes to disk. */
    public void sync() {
        for (FileRoomLog roomLog : logs.values()) {
            try {
                roomLog.sync();
            } catch (IOException e) {
                log.warn("cannot sync the history file {}: {}", roomLog.file(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        syncer.shutdownNow();
        sync();
        for (FileRoomLog roomLog : logs.values()) {
            roomLog.close();
        }
        logs.clear();
    }

    /** A file name for a room key: safe on every file system, and never a hidden or special name. */
    static String fileName(String key) {
        return "room-" + URLEncoder.encode(key, StandardCharsets.UTF_8) + ".log";
    }
}
