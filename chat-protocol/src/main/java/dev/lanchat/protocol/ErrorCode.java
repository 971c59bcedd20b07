package dev.lanchat.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The error codes a server sends in {@link ServerMessage.Error}. A code is the stable, machine-readable part of an
 * error; the accompanying text is for people and may change.
 *
 * <p>A {@linkplain #closesConnection() fatal} code is a protocol violation: the server sends the error and then
 * closes the connection. Any other code refuses one request and the connection stays open.
 */
public enum ErrorCode {
    /** A frame's declared length is over the limit; the frame is not read. */
    FRAME_TOO_LONG("frame-too-long", true),
    /** A frame's bytes are not valid UTF-8. */
    BAD_UTF8("bad-utf8", true),
    /** A frame is not a JSON object of a known shape: bad JSON, a missing or mistyped field. */
    BAD_MESSAGE("bad-message", true),
    /** The first message was not a hello, or a second hello arrived. */
    BAD_HANDSHAKE("bad-handshake", true),
    /** The hello names a protocol version this server does not speak. */
    UNSUPPORTED_VERSION("unsupported-version", true),
    /** The handshake did not complete in time. */
    HANDSHAKE_TIMEOUT("handshake-timeout", true),
    /** The server is at its connection limit, in total or for the peer's address. */
    SERVER_FULL("server-full", true),
    /** The peer's address is banned from this server. */
    BANNED("banned", true),
    /** The hello's password is wrong. */
    BAD_PASSWORD("bad-password", true),
    /** The server only speaks TLS on this port, and the client did not start a TLS handshake. */
    TLS_REQUIRED("tls-required", true),

    /** The room needs a password and the hello had none; the client may send another hello with it. */
    PASSWORD_REQUIRED("password-required", false),
    /** A message kind this server does not know; newer clients may send kinds older servers lack. */
    UNKNOWN_TYPE("unknown-type", false),
    /** The wanted nickname breaks the nickname rules. */
    NICK_INVALID("nick-invalid", false),
    /** The wanted nickname is in use (compared case-insensitively). */
    NICK_TAKEN("nick-taken", false),
    /** A command name that does not exist. */
    UNKNOWN_COMMAND("unknown-command", false),
    /** A command's arguments do not fit its usage. */
    BAD_ARGUMENTS("bad-arguments", false),
    /** A private message or command names a nick that is not connected. */
    NO_SUCH_NICK("no-such-nick", false),
    /** Text with characters that may not be sent (control and format characters other than newline and tab). */
    BAD_TEXT("bad-text", false),
    /** The member is muted by the operator and may not send messages for now. */
    MUTED("muted", false),
    /** An empty chat message. */
    EMPTY_TEXT("empty-text", false);

    private static final Map<String, ErrorCode> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ErrorCode::wireName, Function.identity()));

    private final String wireName;
    private final boolean closesConnection;

    ErrorCode(String wireName, boolean closesConnection) {
        this.wireName = wireName;
        this.closesConnection = closesConnection;
    }

    /** The code as it appears on the wire, for example {@code nick-taken}. */
    public String wireName() {
        return wireName;
    }

    /** Whether the server closes the connection after sending this error. */
    public boolean closesConnection() {
        return closesConnection;
    }

    /** The code with this wire name, or empty for a code this version does not know. */
    public static Optional<ErrorCode> fromWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }
}
