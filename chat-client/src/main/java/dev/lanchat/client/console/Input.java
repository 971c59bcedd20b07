package dev.lanchat.client.console;

/** What one line the user typed asks for. Produced by {@link InputParser}; immutable. */
public sealed interface Input {

    /** Nothing to do: an empty line. */
    record Nothing() implements Input {
    }

    /** Chat text for the current room. */
    record Text(String text) implements Input {
    }

    /** A command, the client's own or the server's: {@code name} without its slash, {@code args} the rest. */
    record Command(String name, String args) implements Input {
    }

    /** Leave the chat, with an optional parting message. */
    record Quit(String reason) implements Input {
    }
}
