package dev.lanchat.protocol.discovery;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The data of a DNS-SD TXT record (RFC 6763, section 6): a sequence of strings, each one length byte followed by up to
 * 255 bytes of {@code key=value}. Plain Java; immutable and thread-safe.
 *
 * <pre>
 *  +-----+---------------+-----+------------------+-----
 *  | len | key=value ... | len | key=value ...    | ...
 *  +-----+---------------+-----+------------------+-----
 *   1 B    len bytes       1 B   len bytes
 * </pre>
 *
 * <p>Keys are printable US-ASCII without {@code =}, compared case-insensitively; this class keeps them in lower case.
 * A string without {@code =} is a key present without a value, kept as {@code null}; a key that appears more than
 * once keeps its first value, as the RFC says. Values are UTF-8 text. An empty record is the single byte {@code 0}.
 */
public final class TxtRecord {

    /** Longest {@code key=value} string, in bytes: its length must fit in one byte. */
    public static final int MAX_STRING_BYTES = 255;

    private final Map<String, String> entries;

    private TxtRecord(Map<String, String> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /**
     * A record of these entries, in their iteration order. A {@code null} value makes a key without a value.
     *
     * @throws IllegalArgumentException if a key is empty or not printable ASCII, has an {@code =}, or an entry is
     *                                  longer than {@link #MAX_STRING_BYTES}
     */
    public static TxtRecord of(Map<String, String> entries) {
        Map<String, String> checked = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String key = checkKey(entry.getKey());
            if (checked.containsKey(key)) {
                throw new IllegalArgumentException("TXT key '" + key + "' appears twice");
            }
            if (bytesOf(key, entry.getValue()).length > MAX_STRING_BYTES) {
                throw new IllegalArgumentException("TXT entry '" + key + "' is longer than " + MAX_STRING_BYTES
                        + " bytes");
            }
            checked.put(key, entry.getValue());
        }
        return new TxtRecord(checked);
    }

    /**
     * Reads a record's data. Tolerant, as a browser must be: a string whose length runs past the end is dropped, as
     * are empty strings and strings that start with {@code =}; a repeated key keeps its first value.
     */
    public static TxtRecord decode(byte[] data) {
        Map<String, String> entries = new LinkedHashMap<>();
        int at = 0;
        while (at < data.length) {
            int length = data[at] & 0xFF;
            int start = at + 1;
            at = start + length;
            if (at > data.length) {
                break;
            }
            String text = new String(data, start, length, StandardCharsets.UTF_8);
            int equals = text.indexOf('=');
            String key = (equals < 0 ? text : text.substring(0, equals)).toLowerCase(Locale.ROOT);
            if (key.isEmpty() || entries.containsKey(key)) {
                continue;
            }
            entries.put(key, equals < 0 ? null : text.substring(equals + 1));
        }
        return new TxtRecord(entries);
    }

    /** The record's data as it travels in the DNS message. */
    public byte[] encode() {
        if (entries.isEmpty()) {
            return new byte[] {0};
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            byte[] string = bytesOf(entry.getKey(), entry.getValue());
            out.write(string.length);
            out.write(string, 0, string.length);
        }
        return out.toByteArray();
    }

    /** Whether the key is present, with or without a value. */
    public boolean has(String key) {
        return entries.containsKey(key.toLowerCase(Locale.ROOT));
    }

    /** The key's value; {@code null} if the key is absent or has no value. */
    public String get(String key) {
        return entries.get(key.toLowerCase(Locale.ROOT));
    }

    /** Every entry, keys in lower case, in record order. */
    public Map<String, String> entries() {
        return entries;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TxtRecord && ((TxtRecord) other).entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }

    private static String checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a TXT key must not be empty");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '=') {
                throw new IllegalArgumentException("a TXT key must be printable ASCII without '=': '" + key + "'");
            }
        }
        return key.toLowerCase(Locale.ROOT);
    }

    private static byte[] bytesOf(String key, String value) {
        return (value == null ? key : key + "=" + value).getBytes(StandardCharsets.UTF_8);
    }
}
