package dev.lanchat.bench.server;

import java.util.List;

/** The bench could not start its server; the message says why, and the server's last lines of output are kept. */
public final class ServerStartException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> output;
    private final int exitStatus;

    ServerStartException(String message, List<String> output, int exitStatus) {
        super(message);
        this.output = List.copyOf(output);
        this.exitStatus = exitStatus;
    }

    /** The server's last lines of output, oldest first. */
    public List<String> output() {
        return output;
    }

    /** The server's exit status, or -1 if it was still running. */
    public int exitStatus() {
        return exitStatus;
    }
}
