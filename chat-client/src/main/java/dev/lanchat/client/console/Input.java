package dev.lanchat.client.console;

/** What one line the user typed asks for. Produced by {@link InputParser}; immutable. */
public sealed interface Input {

    /** Nothing to do: an empty line. */
    record Nothing() implements Input {
    }

    /** Chat text for the current room. */
    record Text(String text) implements Input {
    }

    /** A server command: {@code name} without its slash, {@code args} the rest of the line. */
    record Command(String name, String args) implements Input {
    }

    /** Leave the chat, with an optional parting message. */
    record Quit(String reason) implements Input {
    }

    /** Show the commands: the client's own and the server's. */
    record Help() implements Input {
    }
}
