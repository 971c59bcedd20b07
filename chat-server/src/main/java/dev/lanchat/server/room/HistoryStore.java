package dev.lanchat.server.room;

import java.time.Instant;
import java.util.List;

/**
 * Where rooms keep their history and topic so that they outlive the server process. The chat domain calls it on the
 * chat thread; implementations must have written a message where the operating system holds it before
 * {@link RoomLog#append} returns, so that a message is stored before anyone sees it.
 */
public interface HistoryStore extends AutoCloseable {

    /** The log of the room with this key, created if new; {@code name} is how the room is written. */
    RoomLog open(String key, String name);

    /** Flushes and closes every log. */
    @Override
    void close();

    /** One room's log. */
    interface RoomLog {

        /** Everything the log holds, oldest first; damaged records are skipped with a warning. */
        Snapshot load();

        void append(StoredMessage message);

        void appendTopic(Topic topic);

        /**
         * Rewrites the log with only {@code keep} and the topic, dropping what retention no longer wants; it
         * remembers {@code lastId}, so ids keep increasing even when nothing is kept.
         */
        void compact(List<StoredMessage> keep, Topic topic, long lastId);
    }

    /** A room's topic, who set it and when; {@link #NONE} when none was ever set. */
    record Topic(String text, String by, Instant time) {
        public static final Topic NONE = new Topic("", "", Instant.EPOCH);
    }

    /**
     * What a room's log held when it was opened.
     *
     * @param lastId the highest message id the room ever gave, kept or not; 0 for a new room
     */
    record Snapshot(String name, List<StoredMessage> messages, Topic topic, long lastId) {
        public Snapshot {
            messages = List.copyOf(messages);
        }
    }

    /** A store that keeps nothing beyond the process: for tests, and for a server without a data directory. */
    static HistoryStore inMemory() {
        return new MemoryHistoryStore();
    }
}
