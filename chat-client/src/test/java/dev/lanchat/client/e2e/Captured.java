package dev.lanchat.client.e2e;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Standard output and error of a command run in the test, kept as UTF-8 text to check. */
final class Captured {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    String output() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    String errors() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    /** Both, for a failure message. */
    String all() {
        return output() + errors();
    }
}
