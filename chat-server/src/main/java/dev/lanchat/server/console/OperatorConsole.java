package dev.lanchat.server.console;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import dev.lanchat.server.Operator;
import java.io.IOError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.slf4j.LoggerFactory;

/**
 * The host's console, when the server runs in a terminal: a line editor with completion and history for the
 * {@link OperatorCommands}, and the server's log printed above the prompt instead of over it. {@code shutdown},
 * Ctrl-C, Ctrl-D and a closed terminal all stop the server.
 *
 * <p>{@link #run} owns the line reader on its thread; log lines and {@link #stop} may come from any thread.
 */
public final class OperatorConsole implements AutoCloseable {

    private final Terminal terminal;
    private final LineReader reader;
    private final Operator operator;
    private final OperatorCommands commands = new OperatorCommands();
    private final List<Appender<ILoggingEvent>> movedAppenders = new ArrayList<>();
    private LogAppender logAppender;
    private volatile boolean stopped;

    /** @param historyFile where typed commands are kept between runs, or {@code null} for none */
    public OperatorConsole(Terminal terminal, Operator operator, Path historyFile) {
        this.terminal = terminal;
        this.operator = operator;
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("lanchat-server")
                .completer((lineReader, line, candidates) -> complete(line.wordIndex(), candidates))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true);
        if (historyFile != null) {
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        this.reader = builder.build();
    }

    /**
     * Reads and runs commands until the operator stops the server; returns the reason to stop with.
     *
     * @param onShutdown told the reason as soon as the operator asks to stop
     */
    public String run(Consumer<String> onShutdown) {
        while (!stopped) {
            String line;
            try {
                line = reader.readLine("lanchat> ");
            } catch (UserInterruptException | EndOfFileException | IOError end) {
                break;
            }
            String answer = commands.run(operator, line);
            if (OperatorCommands.SHUTDOWN.equals(answer)) {
                String reason = line.strip().substring(OperatorCommands.SHUTDOWN.length()).strip();
                String text = reason.isEmpty() ? "The server is shutting down" : "The server is shutting down: "
                        + reason;
                onShutdown.accept(text);
                return text;
            }
            if (answer != null && !answer.isEmpty()) {
                print(answer);
            }
        }
        String text = "The server is shutting down";
        onShutdown.accept(text);
        return text;
    }

    /** Ends {@link #run}, as when the server is stopped by a signal. */
    public void stop() {
        stopped = true;
        terminal.raise(Terminal.Signal.INT);
    }

    /** Prints above the prompt. */
    public void print(String text) {
        reader.printAbove(text);
    }

    /**
     * Sends the server's log to this console, above the prompt, instead of to the terminal directly; undone by
     * {@link #close}.
     */
    public void takeOverLog() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
            return;
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            movedAppenders.add(it.next());
        }
        movedAppenders.forEach(root::detachAppender);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %-14logger{0} %msg");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        logAppender = new LogAppender(this, encoder);
        logAppender.setContext(context);
        logAppender.start();
        root.addAppender(logAppender);
    }

    @Override
    public void close() {
        if (logAppender != null && LoggerFactory.getILoggerFactory() instanceof LoggerContext) {
            Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory())
                    .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.detachAppender(logAppender);
            movedAppenders.forEach(root::addAppender);
            logAppender.stop();
        }
        try {
            reader.getHistory().save();
        } catch (IOException | IOError e) {
            // History is a convenience.
        }
        try {
            terminal.close();
        } catch (IOException e) {
            // Nothing more to do with a terminal that will not close.
        }
    }

    private void complete(int wordIndex, List<Candidate> candidates) {
        if (wordIndex == 0) {
            commands.table().values().forEach(c -> candidates.add(new Candidate(c.name(), c.name(), null, c.help(),
                    null, null, true)));
            return;
        }
        try {
            operator.members().forEach(m -> candidates.add(new Candidate(m.nick())));
            operator.rooms().forEach(r -> candidates.add(new Candidate(r.name())));
        } catch (Operator.Refused unavailable) {
            // No completions, then.
        }
    }

    /** Prints log events above the console's prompt. */
    private static final class LogAppender extends AppenderBase<ILoggingEvent> {
        private final OperatorConsole console;
        private final PatternLayoutEncoder encoder;

        LogAppender(OperatorConsole console, PatternLayoutEncoder encoder) {
            this.console = console;
            this.encoder = encoder;
        }

        @Override
        protected void append(ILoggingEvent event) {
            console.print(new String(encoder.encode(event), StandardCharsets.UTF_8));
        }
    }
}
