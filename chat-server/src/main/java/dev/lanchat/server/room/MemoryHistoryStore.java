package dev.lanchat.server.room;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keeps each room's history in memory only; it lasts as long as the store. Confined to the chat thread. */
final class MemoryHistoryStore implements HistoryStore {

    private final Map<String, Log> logs = new HashMap<>();

    @Override
    public RoomLog open(String key, String name) {
        return logs.computeIfAbsent(key, k -> new Log(name));
    }

    @Override
    public void close() {
        // Nothing to flush.
    }

    private static final class Log implements RoomLog {
        private final String name;
        private final List<StoredMessage> messages = new ArrayList<>();
        private Topic topic = Topic.NONE;
        private long lastId;

        Log(String name) {
            this.name = name;
        }

        @Override
        public Snapshot load() {
            return new Snapshot(name, messages, topic, lastId);
        }

        @Override
        public void append(StoredMessage message) {
            messages.add(message);
            lastId = Math.max(lastId, message.id());
        }

        @Override
        public void appendTopic(Topic newTopic) {
            topic = newTopic;
        }

        @Override
        public void compact(List<StoredMessage> keep, Topic current, long last) {
            messages.clear();
            messages.addAll(keep);
            topic = current;
            lastId = Math.max(lastId, last);
        }
    }
}
