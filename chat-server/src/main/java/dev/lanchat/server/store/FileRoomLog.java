package dev.lanchat.server.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.lanchat.server.room.HistoryStore;
import dev.lanchat.server.room.StoredMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room's append-only log. Each record is
 *
 * <pre>
 * +--------+--------+----------------+----------------+-----------------------------+
 * |  'L'   |  'C'   | length (u32)   | CRC-32 (u32)   | payload: UTF-8 JSON object  |
 * +--------+--------+----------------+----------------+-----------------------------+
 * </pre>
 *
 * with payloads {@code {"k":"n","name":...}} (the room's name), {@code {"k":"m","id":..,"ts":..,"from":..,"text":..}}
 * (a message), {@code {"k":"t","ts":..,"by":..,"topic":..}} (a topic) and {@code {"k":"l","id":..}} (the last id
 * given, written by compaction). Reading checks every record; a damaged one (a crash mid-write leaves a torn tail)
 * is skipped with a warning, the reader resynchronises on the next valid record, and a damaged tail is cut off so
 * that later appends stay readable. Compaction writes a new file and renames it over the old one.
 *
 * <p>Writes come from the chat thread, {@link #sync} from the sync thread; the channel is swapped under a lock.
 */
final class FileRoomLog implements HistoryStore.RoomLog {

    private static final Logger log = LoggerFactory.getLogger(FileRoomLog.class);
    private static final JsonFactory JSON = new JsonFactory();
    private static final byte MAGIC_0 = 'L';
    private static final byte MAGIC_1 = 'C';
    private static final int HEADER = 10;
    /** No record is larger: a message is at most a frame, and frames are at most 1 MiB. */
    private static final int MAX_RECORD = 2 * 1024 * 1024;

    private final Path file;
    private final String name;
    private final Object lock = new Object();
    private FileChannel channel;
    private boolean dirty;

    FileRoomLog(Path file, String name) throws IOException {
        this.file = file;
        this.name = name;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    Path file() {
        return file;
    }

    @Override
    public HistoryStore.Snapshot load() {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Reader reader = new Reader(bytes);
            HistoryStore.Snapshot snapshot = reader.read();
            synchronized (lock) {
                if (bytes.length == 0) {
                    write(nameRecord());
                } else if (reader.goodEnd < bytes.length) {
                    log.warn("{}: {} damaged byte(s) at the end (a crash in the middle of a write?) were cut off",
                            file, bytes.length - reader.goodEnd);
                    channel.truncate(reader.goodEnd);
                }
                channel.position(channel.size());
            }
            if (reader.skippedInside > 0) {
                log.warn("{}: {} damaged byte(s) inside the file were skipped", file, reader.skippedInside);
            }
            return snapshot;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void append(StoredMessage message) {
        writeUnchecked(messageRecord(message));
    }

    @Override
    public void appendTopic(HistoryStore.Topic topic) {
        writeUnchecked(topicRecord(topic));
    }

    @Override
    public void compact(List<StoredMessage> keep, HistoryStore.Topic topic, long lastId) {
        Path next = file.resolveSibling(file.getFileName() + ".compacting");
        try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(out, nameRecord());
            writeFully(out, record(g -> {
                g.writeStringField("k", "l");
                g.writeNumberField("id", lastId);
            }));
            if (!topic.text().isEmpty()) {
                writeFully(out, topicRecord(topic));
            }
            for (StoredMessage message : keep) {
                writeFully(out, messageRecord(message));
            }
            out.force(true);
        } catch (IOException e) {
            log.warn("{}: compaction failed, the log keeps growing until the next attempt: {}", file, e.getMessage());
            return;
        }
        synchronized (lock) {
            try {
                channel.close();
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                channel.position(channel.size());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot replace " + file + " after compaction: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Forces what was written so far to disk. The lock is not held while the disk works (a flush can take a long
     * time), so appends on the chat thread never wait for it; one that lands meanwhile is forced next time.
     */
    void sync() throws IOException {
        FileChannel current;
        synchronized (lock) {
            if (!dirty) {
                return;
            }
            dirty = false;
            current = channel;
        }
        try {
            current.force(false);
        } catch (ClosedChannelException replaced) {
            // Compaction swapped the file, forcing its replacement to disk first; nothing is left to force.
        }
    }

    void close() {
        synchronized (lock) {
            try {
                channel.close();
            } catch (IOException e) {
                log.warn("cannot close {}: {}", file, e.getMessage());
            }
        }
    }

    private void writeUnchecked(ByteBuffer record) {
        try {
            synchronized (lock) {
                write(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(ByteBuffer record) throws IOException {
        writeFully(channel, record);
        dirty = true;
    }

    private static void writeFully(FileChannel out, ByteBuffer record) throws IOException {
        while (record.hasRemaining()) {
            out.write(record);
        }
    }

    private ByteBuffer nameRecord() throws IOException {
        return record(g -> {
            g.writeStringField("k", "n");
            g.writeStringField("name", name);
        });
    }

    private static ByteBuffer messageRecord(StoredMessage message) {
        try {
            return record(g -> {
                g.writeStringField("k", "m");
                g.writeNumberField("id", message.id());
                g.writeNumberField("ts", message.time().toEpochMilli());
                g.writeStringField("from", message.from());
                g.writeStringField("text", message.text());
                if (message.action()) {
                    g.writeBooleanField("action", true);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteBuffer topicRecord(HistoryStore.Topic topic) {
        try {
            return record(g -> {
                g.writeStringField("k", "t");
                g.writeNumberField("ts", topic.time().toEpochMilli());
                g.writeStringField("by", topic.by());
                g.writeStringField("topic", topic.text());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator generator) throws IOException;
    }

    /** One framed record: magic, length, CRC-32, payload. */
    static ByteBuffer record(Fields fields) throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream(128);
        try (JsonGenerator generator = JSON.createGenerator(json)) {
            generator.writeStartObject();
            fields.write(generator);
            generator.writeEndObject();
        }
        byte[] payload = json.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(payload);
        return ByteBuffer.allocate(HEADER + payload.length).put(MAGIC_0).put(MAGIC_1).putInt(payload.length)
                .putInt((int) crc.getValue()).put(payload).flip();
    }

    /** Reads records from the whole file, skipping damaged stretches. */
    private final class Reader {
        private final byte[] bytes;
        private final List<StoredMessage> messages = new ArrayList<>();
        private HistoryStore.Topic topic = HistoryStore.Topic.NONE;
        private String roomName = name;
        private long lastId;
        /** End of the last good record: what is after it, if anything, is a damaged tail. */
        int goodEnd;
        long skippedInside;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        HistoryStore.Snapshot read() {
            int at = 0;
            int damageStart = -1;
            while (at < bytes.length) {
                int end = recordEnd(at);
                if (end < 0) {
                    if (damageStart < 0) {
                        damageStart = at;
                    }
                    at++;
                    continue;
                }
                if (damageStart >= 0) {
                    skippedInside += at - damageStart;
                    damageStart = -1;
                }
                apply(bytes, at + HEADER, end - at - HEADER);
                at = end;
                goodEnd = end;
            }
            return new HistoryStore.Snapshot(roomName, messages, topic, lastId);
        }

        /** The end of a valid record at {@code at}, or -1 if there is none there. */
        private int recordEnd(int at) {
            if (at + HEADER > bytes.length || bytes[at] != MAGIC_0 || bytes[at + 1] != MAGIC_1) {
                return -1;
            }
            ByteBuffer header = ByteBuffer.wrap(bytes, at + 2, 8);
            int length = header.getInt();
            int expected = header.getInt();
            if (length < 0 || length > MAX_RECORD || at + HEADER + length > bytes.length) {
                return -1;
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, at + HEADER, length);
            if ((int) crc.getValue() != expected || !parses(at + HEADER, length)) {
                return -1;
            }
            return at + HEADER + length;
        }

        private boolean parses(int offset, int length) {
            try {
                return fields(bytes, offset, length) != null;
            } catch (IOException e) {
                return false;
            }
        }

        private void apply(byte[] data, int offset, int length) {
            Map<String, Object> record;
            try {
                record = fields(data, offset, length);
            } catch (IOException e) {
                return; // recordEnd parsed it already; cannot happen
            }
            Object kind = record.get("k");
            if ("m".equals(kind)) {
                long id = number(record, "id");
                messages.add(new StoredMessage(id, Instant.ofEpochMilli(number(record, "ts")),
                        text(record, "from"), text(record, "text"), Boolean.TRUE.equals(record.get("action"))));
                lastId = Math.max(lastId, id);
            } else if ("t".equals(kind)) {
                topic = new HistoryStore.Topic(text(record, "topic"), text(record, "by"),
                        Instant.ofEpochMilli(number(record, "ts")));
            } else if ("l".equals(kind)) {
                lastId = Math.max(lastId, number(record, "id"));
            } else if ("n".equals(kind)) {
                roomName = text(record, "name");
            }
        }
    }

    private static long number(Map<String, Object> record, String field) {
        Object value = record.get(field);
        return value instanceof Number ? ((Number) value).longValue() : 0;
    }

    private static String text(Map<String, Object> record, String field) {
        Object value = record.get(field);
        return value instanceof String ? (String) value : "";
    }

    /** The flat fields of one record's JSON object. */
    private static Map<String, Object> fields(byte[] data, int offset, int length) throws IOException {
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser parser = JSON.createParser(data, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    fields.put(field, parser.getText());
                } else if (value == JsonToken.VALUE_NUMBER_INT) {
                    fields.put(field, parser.getLongValue());
                } else if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
                    fields.put(field, value == JsonToken.VALUE_TRUE);
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new IOException("trailing data");
            }
        }
        return fields;
    }
}
