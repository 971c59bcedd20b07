package dev.lanchat.client.console;

import dev.lanchat.protocol.ServerMessage;
import java.io.IOError;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp;

/**
 * The console for a person at a terminal: a JLine line editor with history kept in a file, completion of commands
 * and nicks, multi-line messages (a bracketed paste stays one message; Alt-Enter starts a new line), and, on a
 * terminal that can keep one, a {@link StatusLine} at the bottom. Events arrive through
 * {@link LineReader#printAbove}, so they appear above the prompt while the line being typed stays intact; the
 * {@link ChatView} decides what is shown and wraps it to the terminal's width. A typed line is erased when accepted;
 * the server's echo shows it in its place.
 *
 * <p>The input loop thread owns {@link #readLine}; network threads call the output methods, which draw under the
 * line editor's lock.
 */
public final class JLineConsole implements Console {

    /** The widget that puts a newline into the line being typed, for Alt-Enter. */
    static final String NEWLINE_WIDGET = "lanchat-insert-newline";
    /**
     * What Alt-Enter sends: Esc then Enter on most terminals (or Esc then Ctrl-J); with the keyboard protocols that
     * report modifiers, CSI u (kitty, foot, iTerm2) or xterm's modifyOtherKeys form.
     */
    static final List<String> ALT_ENTER = List.of(KeyMap.alt('\r'), KeyMap.alt('\n'), "\033[13;3u", "\033[27;3;13~");

    private final Terminal terminal;
    private final ChatLineReader reader;
    private final RoomState state;
    private final ChatView view;
    private final boolean color;
    private final StatusBar statusBar;
    private volatile ConnectionState connection = ConnectionState.CONNECTING;
    private volatile boolean stopped;
    /** Guards {@link #inReadLine}; notified when a read ends. */
    private final Object readState = new Object();
    private boolean inReadLine;

    /**
     * @param historyFile where typed lines are kept between runs, or {@code null} for no history file
     * @param color       whether to use colours and styles; off for {@code NO_COLOR} and {@code --no-color}, and
     *                    never used on a dumb terminal
     */
    public JLineConsole(Terminal terminal, RoomState state, ChatView view, LocalCommands commands, Path historyFile,
                        boolean color) {
        this.terminal = terminal;
        this.state = state;
        this.view = view;
        this.color = color && !dumb(terminal);
        // Chat text is not shell input: no quoting, no escapes, no '!' history expansion, no continuation lines.
        DefaultParser parser = new DefaultParser();
        parser.setQuoteChars(new char[0]);
        parser.setEscapeChars(new char[0]);
        Map<String, Object> variables = new HashMap<>();
        variables.put(LineReader.HISTORY_SIZE, 1000);
        variables.put(LineReader.HISTORY_FILE_SIZE, 1000);
        variables.put(LineReader.SECONDARY_PROMPT_PATTERN, continuationPrompt());
        if (historyFile != null) {
            variables.put(LineReader.HISTORY_FILE, historyFile);
        }
        reader = new ChatLineReader(terminal, "lanchat", variables);
        reader.setHistory(new DefaultHistory());
        reader.setParser(parser);
        reader.setCompleter(new ChatCompleter(state, commands));
        reader.option(LineReader.Option.ERASE_LINE_ON_FINISH, true);
        reader.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        reader.option(LineReader.Option.HISTORY_IGNORE_SPACE, true);
        reader.option(LineReader.Option.HISTORY_IGNORE_DUPS, true);
        // A paste arrives between the terminal's bracketed-paste marks and goes into the line as it is, newlines and
        // all, to be sent as one message on Enter.
        reader.option(LineReader.Option.BRACKETED_PASTE, true);
        reader.getWidgets().put(NEWLINE_WIDGET, () -> {
            reader.getBuffer().write('\n');
            return true;
        });
        for (String keyMap : List.of(LineReader.EMACS, LineReader.VIINS)) {
            KeyMap<Binding> keys = reader.getKeyMaps().get(keyMap);
            ALT_ENTER.forEach(sequence -> keys.bind(new Reference(NEWLINE_WIDGET), sequence));
        }
        statusBar = StatusBar.supported(terminal) ? new StatusBar(terminal, reader, this::statusLine) : null;
        reader.onResize(this::refreshStatus);
    }

    @Override
    public String readLine() {
        setInReadLine(true);
        try {
            while (!stopped) {
                try {
                    String line = reader.readLine(prompt().toAnsi(terminal));
                    view.typed();
                    refreshStatus();
                    return line;
                } catch (UserInterruptException e) {
                    // Ctrl-C clears the line; stop() also lands here, to end the loop.
                    if (stopped) {
                        return null;
                    }
                } catch (EndOfFileException | IOError e) {
                    return null;
                }
            }
            return null;
        } finally {
            setInReadLine(false);
        }
    }

    @Override
    public String ask(String question, String fallback) {
        String prompt = fallback == null || fallback.isEmpty() ? question : question + "[" + fallback + "] ";
        try {
            String answer = reader.readLine(prompt);
            return answer.isBlank() ? fallback : answer.strip();
        } catch (UserInterruptException | EndOfFileException | IOError e) {
            return null;
        }
    }

    @Override
    public String askSecret(String question) {
        try {
            String answer = reader.readLine(question, '*');
            return answer.isEmpty() ? null : answer;
        } catch (UserInterruptException | EndOfFileException | IOError e) {
            return null;
        }
    }

    @Override
    public void show(ServerMessage message) {
        if (message instanceof ServerMessage.Welcome || message instanceof ServerMessage.NickChanged
                || message instanceof ServerMessage.Entered) {
            refreshPrompt();
        }
        view.show(message, pageWidth()).ifPresent(shown -> {
            print(shown.text());
            if (shown.bell()) {
                reader.exclusively(() -> {
                    terminal.puts(InfoCmp.Capability.bell);
                    terminal.flush();
                });
            }
        });
        refreshStatus();
    }

    @Override
    public void info(String text) {
        print(view.info(text, pageWidth()).text());
    }

    @Override
    public void error(String text) {
        print(view.error(text, pageWidth()).text());
    }

    @Override
    public void connection(ConnectionState now) {
        connection = now;
        if (statusBar != null) {
            if (now instanceof ConnectionState.Connected) {
                statusBar.show();
            } else {
                statusBar.refresh();
            }
        }
    }

    @Override
    public boolean clearScreen() {
        AtomicBoolean cleared = new AtomicBoolean();
        reader.exclusively(() -> {
            if (terminal.puts(InfoCmp.Capability.clear_screen)) {
                cleared.set(true);
                if (statusBar != null) {
                    statusBar.cleared();
                }
                if (reader.isReading()) {
                    reader.redrawLine();
                    reader.redisplay();
                }
                terminal.flush();
            }
        });
        return cleared.get();
    }

    @Override
    public void stop() {
        stopped = true;
        // Interrupting makes a read in progress throw UserInterruptException, as Ctrl-C does. A read that is just
        // starting may not listen for the interrupt yet, so keep interrupting until the read has ended.
        synchronized (readState) {
            for (int attempt = 0; inReadLine && attempt < 100; attempt++) {
                terminal.raise(Terminal.Signal.INT);
                try {
                    readState.wait(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Whether the line editor is waiting for the user's input right now. */
    boolean isReading() {
        return reader.isReading();
    }

    private void setInReadLine(boolean reading) {
        synchronized (readState) {
            inReadLine = reading;
            readState.notifyAll();
        }
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public OptionalInt choose(String title, List<String> rows) {
        return new TerminalPicker(terminal, color).pick(title, rows);
    }

    @Override
    public void close() {
        if (statusBar != null) {
            statusBar.hide();
        }
        try {
            reader.getHistory().save();
        } catch (java.io.IOException | IOError e) {
            // History is a convenience; failing to save it must not spoil the exit.
        }
        try {
            terminal.close();
        } catch (java.io.IOException e) {
            // Nothing more to do with a terminal that will not close.
        }
    }

    private void print(AttributedString text) {
        reader.printAbove(color ? text : new AttributedString(text.toString()));
    }

    /**
     * The width to wrap lines at: one column short of the terminal's, so that a full row never leaves the cursor in
     * the last column, where terminals differ; 0 (no wrapping) on a dumb terminal, which wraps as it likes.
     */
    private int pageWidth() {
        int width = terminal.getWidth();
        return dumb(terminal) || width < 2 ? 0 : width - 1;
    }

    /**
     * Whether {@code terminal} is a dumb one: {@code TERM=dumb}, or no terminal JLine knows. JLine calls it
     * {@code dumb-color} when {@code TERM} is set, guessing that whatever set it shows colours; a person who says
     * dumb gets plain text here.
     */
    static boolean dumb(Terminal terminal) {
        String type = terminal.getType();
        return Terminal.TYPE_DUMB.equals(type) || type != null && type.startsWith(Terminal.TYPE_DUMB_COLOR);
    }

    private void refreshStatus() {
        if (statusBar != null) {
            statusBar.refresh();
        }
    }

    private AttributedString statusLine(int width) {
        return new StatusLine(state.server(), state.room(), state.members().size(), connection, view.unread())
                .render(width, color);
    }

    private void refreshPrompt() {
        reader.setPrompt(prompt().toAnsi(terminal));
    }

    /** The prompt: room and nick, as in {@code lobby ada> }. */
    private AttributedString prompt() {
        AttributedStringBuilder prompt = new AttributedStringBuilder();
        AttributedStyle roomStyle = color ? AttributedStyle.BOLD.foreground(AttributedStyle.CYAN) : AttributedStyle.DEFAULT;
        AttributedStyle nickStyle = color ? NickColors.styleOf(state.nick()) : AttributedStyle.DEFAULT;
        if (!state.room().isEmpty()) {
            prompt.styled(roomStyle, Sanitizer.forDisplay(state.room())).append(" ");
        }
        if (!state.nick().isEmpty()) {
            prompt.styled(nickStyle, Sanitizer.forDisplay(state.nick()));
        }
        return prompt.append("> ").toAttributedString();
    }

    /**
     * The prompt of the second and later lines of a message, in JLine's pattern language: {@code ...>} right-aligned
     * under the prompt's own {@code >}, dim, so the lines of one message line up and read as one.
     */
    private String continuationPrompt() {
        AttributedStyle dim = color ? AttributedStyle.DEFAULT.faint() : AttributedStyle.DEFAULT;
        return "%P " + new AttributedString("...>", dim).toAnsi(terminal) + " ";
    }
}
