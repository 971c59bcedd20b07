package dev.lanchat.bench.net;

import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads just enough of a server frame's JSON payload to route it, without building a String or a map: the
 * {@code type} of every frame, and for a {@code msg} frame where its {@code from} and {@code text} values lie.
 *
 * <pre>
 * {"type":"msg","room":"lobby","id":42,"from":"b3kfs0","ts":1735689600000,"text":"0 17 123456789 xxxx"}
 *          ^^^                                   ^^^^^^                            ^^^^^^^^^^^^^^^^^^^
 *          type                                  from: start, length               text: start, length
 * </pre>
 *
 * A {@code msg} laid out exactly as the server writes it is matched on a fast path (fixed parts compared whole,
 * string ends found eight bytes at a time); anything else is walked key by key, so field order and whitespace do not
 * matter and unknown fields are skipped, as {@code PROTOCOL.md} requires of a reader. Since the server writes {@code type} first, any other kind is
 * recognised after a dozen bytes. It does not validate the JSON: a frame it cannot read this way, and a {@code msg}
 * whose {@code from} or {@code text} holds an escape sequence (which a value found by position cannot represent), is
 * reported as {@link Kind#OTHER}, for the full codec to read or refuse.
 *
 * <p>The payload is copied in bulk into a reused array ({@link #bytes()}) and scanned there: reading a Netty buffer
 * byte by byte pays index and reference-count checks on every byte, which cost more than the scan. The first 512
 * bytes are copied first, which settles any frame whose type comes first (the server writes it first); the rest is
 * copied only if that does not settle it, and never more than {@link #MAX_COPY} bytes, which is plenty for any line
 * the bench sends. So a welcome that lists ten thousand members costs a 512-byte copy.
 *
 * <p>Not thread-safe: it keeps the bytes and positions of the last scan. One per channel, used on its event loop.
 */
public final class FrameScanner {

    /** What a frame is, as far as the load generator cares. */
    public enum Kind {
        /** A room's chat line; {@code from} and {@code text} were located. */
        MSG,
        /** The answer to a hello that admits the client; the rest of it (the member list) is not read. */
        WELCOME,
        /** Someone entered the room. */
        JOIN,
        /** Someone left the room. */
        LEAVE,
        /** Anything else, or a frame this scanner cannot read: the full codec decides. */
        OTHER
    }

    /** The most of one payload that is copied and scanned. */
    static final int MAX_COPY = 64 * 1024;
    /** What is copied first: a whole bench line, and the type of any frame the server writes. */
    private static final int FIRST_COPY = 512;

    private static final byte QUOTE = '"';
    private static final byte BACKSLASH = '\\';
    private static final byte[] MSG = {'m', 's', 'g'};
    private static final byte[] JOIN = {'j', 'o', 'i', 'n'};
    private static final byte[] LEAVE = {'l', 'e', 'a', 'v', 'e'};
    private static final byte[] WELCOME = {'w', 'e', 'l', 'c', 'o', 'm', 'e'};
    private static final byte[] MSG_HEAD = ascii("{\"type\":\"msg\",\"room\":\"");
    private static final byte[] ID_KEY = ascii("\",\"id\":");
    private static final byte[] FROM_KEY = ascii(",\"from\":\"");
    private static final byte[] TS_KEY = ascii("\",\"ts\":");
    private static final byte[] TEXT_KEY = ascii(",\"text\":\"");
    private static final byte[] ACTION_TAIL = ascii(",\"action\":true}");
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

    private byte[] bytes = new byte[FIRST_COPY];
    private boolean fastPath;
    private int fromStart;
    private int fromLength;
    private int textStart;
    private int textLength;

    /**
     * Scans the readable bytes of {@code payload} (one frame, without its length prefix) without moving its indexes.
     * After a {@link Kind#MSG}, {@link #fromStart()} and the other accessors give positions in {@link #bytes()}.
     */
    public Kind scan(ByteBuf payload) {
        int available = payload.readableBytes();
        int length = Math.min(available, FIRST_COPY);
        payload.getBytes(payload.readerIndex(), bytes, 0, length);
        Kind kind = scan(bytes, length);
        if (kind == Kind.OTHER && length < available) {
            // The prefix did not settle it, and the frame is longer: read the rest, up to the limit.
            length = Math.min(available, MAX_COPY);
            if (bytes.length < length) {
                bytes = new byte[Math.min(MAX_COPY, Integer.highestOneBit(length - 1) << 1)];
            }
            payload.getBytes(payload.readerIndex(), bytes, 0, length);
            kind = scan(bytes, length);
        }
        return kind;
    }

    /** The bytes of the last frame scanned, from index 0; valid until the next scan. */
    public byte[] bytes() {
        return bytes;
    }

    /** Index in {@link #bytes()} of the first byte of the last {@code msg}'s {@code from} value. */
    public int fromStart() {
        return fromStart;
    }

    /** Length in bytes of the last {@code msg}'s {@code from} value. */
    public int fromLength() {
        return fromLength;
    }

    /** Index in {@link #bytes()} of the first byte of the last {@code msg}'s {@code text} value. */
    public int textStart() {
        return textStart;
    }

    /** Length in bytes of the last {@code msg}'s {@code text} value. */
    public int textLength() {
        return textLength;
    }

    private Kind scan(byte[] b, int end) {
        fastPath = serverLayout(b, end);
        if (fastPath) {
            return Kind.MSG;
        }
        return walk(b, end);
    }

    /** Whether the last scan matched the server's own layout, without walking the object key by key. */
    boolean tookFastPath() {
        return fastPath;
    }

    /**
     * The fast path: a {@code msg} exactly as the server writes it, {@code {"type":"msg","room":"R","id":N,
     * "from":"F","ts":N,"text":"T"}} with an optional {@code ,"action":true} before the brace, and no escapes in R, F or T.
     * Its fixed parts are compared whole, and each string's end is found eight bytes at a time.
     */
    private boolean serverLayout(byte[] b, int end) {
        if (!startsWith(b, 0, end, MSG_HEAD)) {
            return false;
        }
        int roomEnd = quoteOrBackslash(b, MSG_HEAD.length, end);
        if (roomEnd < 0 || b[roomEnd] != QUOTE || !startsWith(b, roomEnd, end, ID_KEY)) {
            return false;
        }
        int idEnd = skipDigits(b, roomEnd + ID_KEY.length, end);
        if (idEnd == roomEnd + ID_KEY.length || !startsWith(b, idEnd, end, FROM_KEY)) {
            return false;
        }
        int from = idEnd + FROM_KEY.length;
        int fromEnd = quoteOrBackslash(b, from, end);
        if (fromEnd < 0 || b[fromEnd] != QUOTE || !startsWith(b, fromEnd, end, TS_KEY)) {
            return false;
        }
        int digits = fromEnd + TS_KEY.length;
        int i = skipDigits(b, digits, end);
        if (i == digits || !startsWith(b, i, end, TEXT_KEY)) {
            return false;
        }
        int text = i + TEXT_KEY.length;
        int textEnd = quoteOrBackslash(b, text, end);
        if (textEnd < 0 || b[textEnd] != QUOTE) {
            return false;
        }
        int tail = textEnd + 1;
        boolean plain = tail == end - 1 && b[tail] == '}';
        if (!plain && !(tail + ACTION_TAIL.length == end && startsWith(b, tail, end, ACTION_TAIL))) {
            return false;
        }
        fromStart = from;
        fromLength = fromEnd - from;
        textStart = text;
        textLength = textEnd - text;
        return true;
    }

    private static int skipDigits(byte[] b, int from, int end) {
        int i = from;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i;
    }

    /** The general path: any object, key by key. */
    private Kind walk(byte[] b, int end) {
        fromStart = -1;
        textStart = -1;
        Kind type = null;
        int i = skipWhitespace(b, 0, end);
        if (i >= end || b[i] != '{') {
            return Kind.OTHER;
        }
        i = skipWhitespace(b, i + 1, end);
        if (i < end && b[i] == '}') {
            return Kind.OTHER;
        }
        while (true) {
            if (i >= end || b[i] != QUOTE) {
                return Kind.OTHER;
            }
            int keyStart = i + 1;
            int keyEnd = indexOf(b, keyStart, end, QUOTE);
            if (keyEnd < 0 || indexOf(b, keyStart, keyEnd, BACKSLASH) >= 0) {
                // An escaped key might spell one of the three looked for; the codec reads it properly.
                return Kind.OTHER;
            }
            i = skipWhitespace(b, keyEnd + 1, end);
            if (i >= end || b[i] != ':') {
                return Kind.OTHER;
            }
            i = skipWhitespace(b, i + 1, end);
            if (i >= end) {
                return Kind.OTHER;
            }
            Field field = Field.of(b, keyStart, keyEnd - keyStart);
            if (b[i] == QUOTE) {
                int valueStart = i + 1;
                int valueEnd = indexOf(b, valueStart, end, QUOTE);
                if (valueEnd < 0) {
                    return Kind.OTHER;
                }
                boolean escaped = indexOf(b, valueStart, valueEnd, BACKSLASH) >= 0;
                if (escaped) {
                    if (field != Field.NONE) {
                        return Kind.OTHER;
                    }
                    valueEnd = escapedStringEnd(b, valueStart, end);
                    if (valueEnd < 0) {
                        return Kind.OTHER;
                    }
                }
                int valueLength = valueEnd - valueStart;
                switch (field) {
                    case TYPE:
                        type = kindOf(b, valueStart, valueLength);
                        if (type != Kind.MSG) {
                            return type;
                        }
                        break;
                    case FROM:
                        fromStart = valueStart;
                        fromLength = valueLength;
                        break;
                    case TEXT:
                        textStart = valueStart;
                        textLength = valueLength;
                        break;
                    default:
                        break;
                }
                i = valueEnd + 1;
            } else {
                if (field != Field.NONE) {
                    return Kind.OTHER;
                }
                i = skipValue(b, i, end);
                if (i < 0) {
                    return Kind.OTHER;
                }
            }
            i = skipWhitespace(b, i, end);
            if (i >= end) {
                return Kind.OTHER;
            }
            if (b[i] == '}') {
                break;
            }
            if (b[i] != ',') {
                return Kind.OTHER;
            }
            i = skipWhitespace(b, i + 1, end);
        }
        return type == Kind.MSG && fromStart >= 0 && textStart >= 0 ? Kind.MSG : Kind.OTHER;
    }

    /** The top-level keys this scanner looks for. */
    private enum Field {
        TYPE, FROM, TEXT, NONE;

        static Field of(byte[] b, int start, int length) {
            if (length != 4) {
                return NONE;
            }
            if (b[start] == 't' && b[start + 1] == 'y' && b[start + 2] == 'p' && b[start + 3] == 'e') {
                return TYPE;
            }
            if (b[start] == 'f' && b[start + 1] == 'r' && b[start + 2] == 'o' && b[start + 3] == 'm') {
                return FROM;
            }
            if (b[start] == 't' && b[start + 1] == 'e' && b[start + 2] == 'x' && b[start + 3] == 't') {
                return TEXT;
            }
            return NONE;
        }
    }

    /**
     * The index of the first quote or backslash in {@code [from, to)}, or -1: eight bytes at a time, with the
     * classic test for a zero byte applied to the word XOR-ed with each sought byte. That test can also flag a byte
     * above a real match (a borrow), never one below, so the lowest flag is always the first match.
     */
    static int quoteOrBackslash(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(b, i);
            long quotes = word ^ QUOTES;
            long backslashes = word ^ BACKSLASHES;
            long found = ((quotes - ONES) & ~quotes | (backslashes - ONES) & ~backslashes) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == QUOTE || b[i] == BACKSLASH) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] b, int at, int end, byte[] prefix) {
        return at + prefix.length <= end && Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static Kind kindOf(byte[] b, int start, int length) {
        if (matches(b, start, length, MSG)) {
            return Kind.MSG;
        }
        if (matches(b, start, length, JOIN)) {
            return Kind.JOIN;
        }
        if (matches(b, start, length, LEAVE)) {
            return Kind.LEAVE;
        }
        if (matches(b, start, length, WELCOME)) {
            return Kind.WELCOME;
        }
        return Kind.OTHER;
    }

    private static boolean matches(byte[] b, int start, int length, byte[] word) {
        if (length != word.length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (b[start + k] != word[k]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static int skipWhitespace(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** The index of the quote that closes a string starting at {@code i} that holds escapes, or -1. */
    private static int escapedStringEnd(byte[] b, int i, int end) {
        while (i < end) {
            if (b[i] == BACKSLASH) {
                i += 2;
            } else if (b[i] == QUOTE) {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Skips a number, literal, object or array starting at {@code i}; returns the index after it, or -1. */
    private static int skipValue(byte[] b, int i, int end) {
        if (b[i] != '{' && b[i] != '[') {
            while (i < end) {
                byte c = b[i];
                if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                    return i;
                }
                i++;
            }
            return -1;
        }
        int depth = 0;
        while (i < end) {
            byte c = b[i];
            if (c == QUOTE) {
                i = escapedStringEnd(b, i + 1, end);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return -1;
    }
}
