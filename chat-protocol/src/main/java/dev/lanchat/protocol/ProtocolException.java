package dev.lanchat.protocol;

/**
 * A frame or message that breaks the protocol. It carries the {@link ErrorCode} to send back and a sentence that
 * names the offending value, suitable both for the peer and for a log line.
 */
public class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ProtocolException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
