package dev.lanchat.client.console;

import java.io.IOError;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;

/**
 * Shows a numbered list on a terminal and lets the person choose an item: arrow keys (or {@code k}/{@code j}) and
 * Enter, or the item's number; {@code q}, Esc, Ctrl-C or Ctrl-D cancel. The list is redrawn in place as the cursor
 * moves, and stays on the screen, with the choice marked, when it is done. {@link PickList} holds the logic; this
 * class only reads keys and draws. Runs on the input thread, while nothing else reads the terminal.
 */
public final class TerminalPicker {

    private enum Key { UP, DOWN, ENTER, CANCEL, BACKSPACE, DIGIT, IGNORE }

    private static final AttributedStyle TITLE = AttributedStyle.BOLD;
    private static final AttributedStyle SELECTED = AttributedStyle.DEFAULT.inverse();
    private static final AttributedStyle HINT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT);

    private final Terminal terminal;
    private final boolean color;

    public TerminalPicker(Terminal terminal, boolean color) {
        this.terminal = terminal;
        this.color = color;
    }

    /** Shows {@code title} and {@code rows}, numbered from 1, and returns the index chosen, or empty if cancelled. */
    public OptionalInt pick(String title, List<String> rows) {
        PickList choice = new PickList(rows.size());
        Attributes saved = terminal.enterRawMode();
        Attributes raw = new Attributes(terminal.getAttributes());
        // Ctrl-C must arrive as a key that cancels the choice, not as a signal that ends the program.
        raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
        terminal.setAttributes(raw);
        Display display = new Display(terminal, false);
        Size size = terminal.getSize();
        int columns = size.getColumns() > 0 ? size.getColumns() : 80;
        display.resize(size.getRows() > 0 ? size.getRows() : 24, columns);
        try {
            BindingReader reader = new BindingReader(terminal.reader());
            KeyMap<Key> keys = keyMap();
            while (choice.state() == PickList.State.CHOOSING) {
                draw(display, columns, title, rows, choice);
                Key key = reader.readBinding(keys);
                if (key == null) {
                    choice.cancel(); // end of input
                } else {
                    apply(choice, key, reader.getLastBinding());
                }
            }
        } catch (EndOfFileException | IOError closed) {
            choice.cancel();
        } finally {
            draw(display, columns, title, rows, choice);
            terminal.writer().println();
            terminal.flush();
            terminal.setAttributes(saved);
        }
        return choice.state() == PickList.State.CHOSEN ? OptionalInt.of(choice.cursor()) : OptionalInt.empty();
    }

    private static void apply(PickList choice, Key key, String keys) {
        switch (key) {
            case UP -> choice.up();
            case DOWN -> choice.down();
            case ENTER -> choice.enter();
            case CANCEL -> choice.cancel();
            case BACKSPACE -> choice.backspace();
            case DIGIT -> choice.digit(keys.charAt(0) - '0');
            default -> {
                // Any other key does nothing.
            }
        }
    }

    private KeyMap<Key> keyMap() {
        KeyMap<Key> keys = new KeyMap<>();
        keys.bind(Key.UP, "\033[A", "\033OA", "k");
        keys.bind(Key.DOWN, "\033[B", "\033OB", "j");
        bindCapability(keys, Key.UP, Capability.key_up);
        bindCapability(keys, Key.DOWN, Capability.key_down);
        keys.bind(Key.ENTER, "\r", "\n");
        keys.bind(Key.CANCEL, "q", "Q", KeyMap.esc(), KeyMap.ctrl('C'), KeyMap.ctrl('D'));
        keys.bind(Key.BACKSPACE, KeyMap.del(), KeyMap.ctrl('H'));
        for (char digit = '0'; digit <= '9'; digit++) {
            keys.bind(Key.DIGIT, String.valueOf(digit));
        }
        keys.setNomatch(Key.IGNORE);
        keys.setUnicode(Key.IGNORE);
        // Esc alone cancels, but it also starts the arrow keys' sequences: wait briefly to tell them apart.
        keys.setAmbiguousTimeout(300);
        return keys;
    }

    private void bindCapability(KeyMap<Key> keys, Key key, Capability capability) {
        String sequence = KeyMap.key(terminal, capability);
        if (sequence != null && !sequence.isEmpty()) {
            keys.bind(key, sequence);
        }
    }

    private void draw(Display display, int columns, String title, List<String> rows, PickList choice) {
        List<AttributedString> lines = new ArrayList<>();
        lines.add(fit(styled(TITLE, Sanitizer.forDisplay(title)), columns));
        int width = String.valueOf(rows.size()).length();
        for (int i = 0; i < rows.size(); i++) {
            boolean selected = i == choice.cursor();
            String text = (selected ? "> " : "  ") + String.format("%" + width + "d  ", i + 1)
                    + Sanitizer.forDisplay(rows.get(i));
            lines.add(fit(selected ? styled(SELECTED, text) : new AttributedString(text), columns));
        }
        String status = switch (choice.state()) {
            case CHOOSING -> choice.typed().isEmpty()
                    ? "Up/Down and Enter, or type a number; q cancels."
                    : "Number: " + choice.typed() + " (Enter to confirm)";
            case CHOSEN -> "Chosen: " + (choice.cursor() + 1);
            case CANCELLED -> "Cancelled.";
        };
        lines.add(fit(styled(HINT, status), columns));
        AttributedString last = lines.get(lines.size() - 1);
        display.update(lines, (lines.size() - 1) * columns + last.columnLength());
    }

    private AttributedString styled(AttributedStyle style, String text) {
        return color ? new AttributedStringBuilder().styled(style, text).toAttributedString()
                : new AttributedString(text);
    }

    /** Cuts a line to the terminal's width, so that redrawing in place never has to deal with wrapped lines. */
    private static AttributedString fit(AttributedString line, int columns) {
        return line.columnLength() < columns ? line : line.columnSubSequence(0, Math.max(1, columns - 1));
    }
}
