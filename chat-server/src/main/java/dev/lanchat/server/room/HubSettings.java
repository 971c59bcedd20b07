package dev.lanchat.server.room;

import java.util.Objects;

/**
 * What the chat domain needs from the server's configuration.
 *
 * @param serverName    shown to clients in the welcome
 * @param motd          message of the day, shown after the welcome; may be empty
 * @param lobby         the room every member enters first
 * @param maxFrameBytes largest frame payload a client may send, told to clients so they refuse longer text locally
 */
public record HubSettings(String serverName, String motd, String lobby, int maxFrameBytes) {
    public HubSettings {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(motd, "motd");
        Objects.requireNonNull(lobby, "lobby");
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("maxFrameBytes must be positive: " + maxFrameBytes);
        }
    }
}
