package dev.lanchat.client.discovery;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Tells whether something accepts TCP connections on a port of this machine. Stateless. */
public final class LocalServerProbe {

    /** The host name a client uses for a server on the same machine. */
    public static final String LOCALHOST = "localhost";

    private LocalServerProbe() {
    }

    /**
     * Whether a connection to {@code localhost:port} succeeds within {@code timeout}. The connection is closed at
     * once; a lanchat server closes such a silent connection quietly.
     */
    public static boolean answers(int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOCALHOST, port), (int) Math.max(1, timeout.toMillis()));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
