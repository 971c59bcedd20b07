package dev.lanchat.client.console;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Keys for a test terminal: what {@link #type} queues, a reader reads, blocking until there is some. Unlike a piped
 * stream it does not care which threads read and write. {@link #close} ends the input.
 */
public final class Keyboard extends InputStream {

    private static final int END = -1;

    private final BlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    public void type(String keys) {
        for (byte b : keys.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b & 0xFF);
        }
    }

    @Override
    public int read() {
        if (closed && bytes.isEmpty()) {
            return END;
        }
        try {
            int b = bytes.take();
            if (b == END) {
                bytes.add(END);
            }
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return END;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int first = read();
        if (first == END) {
            return END;
        }
        buffer[offset] = (byte) first;
        int count = 1;
        Integer next;
        while (count < length && (next = bytes.peek()) != null && next != END) {
            buffer[offset + count++] = (byte) (int) bytes.poll();
        }
        return count;
    }

    @Override
    public int available() {
        return bytes.size();
    }

    @Override
    public void close() {
        closed = true;
        bytes.add(END);
    }
}
