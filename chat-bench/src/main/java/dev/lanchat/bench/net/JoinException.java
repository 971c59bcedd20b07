package dev.lanchat.bench.net;

/** A client could not join: the connection failed, the server refused the hello, or the answer did not come. */
public final class JoinException extends Exception {

    private static final long serialVersionUID = 1L;

    public JoinException(String message) {
        super(message);
    }
}
