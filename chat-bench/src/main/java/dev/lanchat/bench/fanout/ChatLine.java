package dev.lanchat.bench.fanout;

/**
 * The text of a bench chat line: the sender's index, the message's sequence number in that sender's stream and its
 * send time on the {@link BenchClock}, in decimal and separated by spaces, then padding up to the
 * wanted size:
 *
 * <pre>
 *   3 1024 5123456789 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
 *   |  |    |          padding to the message size
 *   |  |    send time, ns
 *   |  sequence number, from 0
 *   sender index
 * </pre>
 *
 * Only ASCII digits, spaces and letters, so the server stores it as it is and its JSON needs no escapes, which lets
 * {@link #parse} read it straight from the frame's bytes. Stateless and thread-safe.
 */
public final class ChatLine {

    /**
     * Smallest size: room for the longest header (a 5-digit index, a 10-digit number, an 18-digit time and 2 spaces:
     * 35 bytes) and one more, so that every line of a run has the same size.
     */
    public static final int MIN_BYTES = 36;

    private static final int MAX_DIGITS = 18;

    private ChatLine() {
    }

    /**
     * The text for message {@code seq} of sender {@code sender}, sent at {@code sentNanos}, padded with a space and
     * letters to {@code bytes} bytes; longer than that only if the header alone is.
     */
    public static String text(int sender, long seq, long sentNanos, int bytes) {
        StringBuilder text = new StringBuilder(Math.max(bytes, MIN_BYTES));
        text.append(sender).append(' ').append(seq).append(' ').append(sentNanos);
        if (text.length() < bytes) {
            text.append(' ');
            while (text.length() < bytes) {
                text.append('x');
            }
        }
        return text.toString();
    }

    /**
     * Reads the header of a bench line from {@code length} bytes of {@code bytes} at {@code start} into {@code out}.
     *
     * @return false if those bytes are not a bench line (someone else's chat, say); {@code out} is then undefined
     */
    public static boolean parse(byte[] bytes, int start, int length, Header out) {
        int end = start + length;
        int i = start;
        long sender = 0;
        int digits = i;
        for (; i < end && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
            sender = sender * 10 + (bytes[i] - '0');
        }
        if (i == digits || i - digits > 5 || i >= end || bytes[i] != ' ') {
            return false;
        }
        long seq = 0;
        digits = ++i;
        for (; i < end && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
            seq = seq * 10 + (bytes[i] - '0');
        }
        if (i == digits || i - digits > MAX_DIGITS || i >= end || bytes[i] != ' ') {
            return false;
        }
        long sent = 0;
        digits = ++i;
        for (; i < end && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
            sent = sent * 10 + (bytes[i] - '0');
        }
        if (i == digits || i - digits > MAX_DIGITS || (i < end && bytes[i] != ' ')) {
            return false;
        }
        out.sender = (int) sender;
        out.seq = seq;
        out.sentNanos = sent;
        return true;
    }

    /**
     * The parsed header of one line. Mutable and reused, one per receiving client, so that the receive path
     * allocates nothing per message; confined to that client's event loop.
     */
    public static final class Header {
        int sender;
        long seq;
        long sentNanos;

        public int sender() {
            return sender;
        }

        public long seq() {
            return seq;
        }

        public long sentNanos() {
            return sentNanos;
        }
    }
}
