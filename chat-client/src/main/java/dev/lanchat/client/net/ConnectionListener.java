package dev.lanchat.client.net;

import dev.lanchat.protocol.ServerMessage;

/**
 * Receives what a {@link ChatConnection} reads. Called on the connection's network thread, one call at a time and in
 * the order messages arrived; implementations must not block.
 */
public interface ConnectionListener {

    /** A message from the server. Pings never arrive here: the connection answers them itself. */
    void onMessage(ServerMessage message);

    /**
     * The connection is closed, for whatever reason; called exactly once, after the last {@link #onMessage}.
     *
     * @param problem what went wrong, or {@code null} if the connection closed normally
     */
    void onClosed(String problem);
}
