package dev.lanchat.client.console;

import java.util.Map;
import org.jline.reader.LineReader;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;

/**
 * JLine's line editor with what a chat needs besides. Other threads can draw on the terminal under the lock the
 * editor itself draws under ({@link #exclusively}), as {@link LineReader#printAbove} does, so that the status line and
 * a cleared screen never interleave with the line being typed. A resize of the terminal is passed on
 * ({@link #onResize}) once the editor has redrawn itself for the new size, so that the status line can be laid out
 * again for the new width. And a paste's Windows line ends ({@code \r\n}) become one newline, not two.
 * Thread-safe as {@link LineReaderImpl} is.
 */
final class ChatLineReader extends LineReaderImpl {

    private volatile Runnable onResize = () -> { };

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

    /** What to do after the terminal changed size while a line was being read. */
    void onResize(Runnable action) {
        this.onResize = action;
    }

    /**
     * A bracketed paste goes into the line as it is, but for line ends: terminals send a pasted newline as a
     * carriage return, and JLine turns each carriage return into a newline, which would double a {@code \r\n}.
     */
    @Override
    public boolean beginPaste() {
        String pasted = doReadStringUntil(BRACKETED_PASTE_END);
        regionActive = RegionType.PASTE;
        regionMark = getBuffer().cursor();
        getBuffer().write(pasted.replace("\r\n", "\n").replace('\r', '\n'));
        return true;
    }

    @Override
    protected void handleSignal(Signal signal) {
        super.handleSignal(signal);
        if (signal == Signal.WINCH) {
            onResize.run();
        }
    }
}
