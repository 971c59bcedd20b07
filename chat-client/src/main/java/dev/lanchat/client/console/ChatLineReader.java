package dev.lanchat.client.console;

import java.util.Map;
import org.jline.reader.LineReader;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;

/**
 * JLine's line editor with what a chat needs besides: other threads can draw on the terminal under the lock the
 * editor itself draws under ({@link #exclusively}), as {@link LineReader#printAbove} does, so that a cleared screen
 * never interleaves with the line being typed. Thread-safe as {@link LineReaderImpl} is.
 */
final class ChatLineReader extends LineReaderImpl {

    ChatLineReader(Terminal terminal, String appName, Map<String, Object> variables) {
        super(terminal, appName, variables);
    }

    /** Runs {@code action} holding the editor's drawing lock: from any thread, while a line is read or not. */
    void exclusively(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }
}
