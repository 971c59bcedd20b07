package dev.lanchat.server.room;

import dev.lanchat.protocol.ErrorCode;

/**
 * A request the rules refuse: a taken nickname, an unknown command, bad arguments. The sender gets an error with
 * this code and message; the connection stays open.
 */
public final class RuleViolation extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public RuleViolation(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
