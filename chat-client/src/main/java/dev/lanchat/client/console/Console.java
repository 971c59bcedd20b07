package dev.lanchat.client.console;

import dev.lanchat.protocol.ServerMessage;
import java.util.List;
import java.util.OptionalInt;

/**
 * Where the chat meets the person: lines typed in, events shown. Two implementations: {@link JLineConsole} for a
 * terminal, {@link PlainConsole} for pipes and scripts. Knows nothing about sockets.
 *
 * <p>{@link #readLine} and {@link #ask} belong to one thread, the input loop; the output methods may be called from
 * any thread at any time and never garble a line being typed.
 */
public interface Console extends AutoCloseable {

    /**
     * Blocks for the next line the user enters. Returns {@code null} at the end of input: Ctrl-D, end of the piped
     * input, a closed terminal, or after {@link #stop()}. Ctrl-C clears the line being typed and keeps waiting.
     */
    String readLine();

    /** Asks a question and returns the answer, {@code fallback} for an empty answer, {@code null} at end of input. */
    String ask(String question, String fallback);

    /** Asks for a secret, such as a password, without echoing it where that is possible; {@code null} at end. */
    String askSecret(String question);

    /** Shows a message from the server. */
    void show(ServerMessage message);

    /** Shows a note from the client itself. */
    void info(String text);

    /** Shows a problem the client itself found. */
    void error(String text);

    /** Tells where the connection stands, for a console that shows it (a status line); the default shows nothing. */
    default void connection(ConnectionState state) {
    }

    /**
     * Clears the screen, keeping the prompt, and returns {@code true}; returns {@code false} if this console has no
     * screen to clear, which is the default.
     */
    default boolean clearScreen() {
        return false;
    }

    /** Makes a blocked or later {@link #readLine} return {@code null}: the session is over. */
    void stop();

    /** Whether a person is typing at a terminal, rather than a script feeding a pipe. */
    boolean interactive();

    /**
     * Lets the person choose one of {@code rows}, shown as a numbered list under {@code title}, and returns the index
     * chosen; empty if they cancel, or if this console cannot offer a choice (a script cannot answer one), which is
     * the default. Called on the input loop's thread, before or between reads.
     */
    default OptionalInt choose(String title, List<String> rows) {
        return OptionalInt.empty();
    }

    @Override
    void close();
}
