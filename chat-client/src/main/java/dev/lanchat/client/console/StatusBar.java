package dev.lanchat.client.console;

import java.util.List;
import java.util.function.IntFunction;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.AbstractTerminal;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.Status;

/**
 * The status line at the bottom of a terminal that can keep one there (a scroll region and a saved cursor: JLine's
 * {@link Status}). It appears when {@link #show} is first called, is drawn again whenever {@link #refresh} is, and
 * goes when {@link #hide} is. Its text comes from a function of the terminal's width, called each time it is drawn.
 *
 * <p>Any thread may call it: it draws under the line editor's lock ({@link ChatLineReader#exclusively}), so it never
 * garbles the prompt or a line being printed above it.
 */
final class StatusBar {

    private final Terminal terminal;
    private final ChatLineReader reader;
    private final IntFunction<AttributedString> text;
    /** JLine's status of the terminal once shown; guarded by the reader's lock. */
    private Status status;

    StatusBar(Terminal terminal, ChatLineReader reader, IntFunction<AttributedString> text) {
        this.terminal = terminal;
        this.reader = reader;
        this.text = text;
    }

    /** Whether {@code terminal} can keep a line at its bottom while the rest scrolls; {@link Status} checks the same. */
    static boolean supported(Terminal terminal) {
        Size size = terminal.getSize();
        return terminal instanceof AbstractTerminal
                && !JLineConsole.dumb(terminal)
                && terminal.getStringCapability(Capability.change_scroll_region) != null
                && terminal.getStringCapability(Capability.save_cursor) != null
                && terminal.getStringCapability(Capability.restore_cursor) != null
                && terminal.getStringCapability(Capability.cursor_address) != null
                && size.getRows() > 1 && size.getRows() < 1000 && size.getColumns() > 0 && size.getColumns() < 1000;
    }

    /** Shows the status line, if it is not shown yet, and draws it. */
    void show() {
        reader.exclusively(() -> {
            if (status == null) {
                status = Status.getStatus(terminal);
            }
            draw();
        });
    }

    /** Draws the status line again with what it shows now, if it is shown. */
    void refresh() {
        reader.exclusively(() -> {
            if (status != null) {
                draw();
            }
        });
    }

    /** The screen was cleared: the status line must be set up and drawn anew. */
    void cleared() {
        reader.exclusively(() -> {
            if (status != null) {
                status.reset();
                draw();
            }
        });
    }

    /** Removes the status line and gives its row back to the screen. */
    void hide() {
        reader.exclusively(() -> {
            if (status != null) {
                status.update(List.of());
                status = null;
            }
        });
    }

    private void draw() {
        status.update(List.of(text.apply(terminal.getWidth())));
    }
}
