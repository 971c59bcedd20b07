package dev.lanchat.server.discovery;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link LanAdvertiser} tells the LAN about a server. Built once in {@code ServerMain}; the constructor
 * validates and names a bad value. Immutable.
 *
 * @param serverName       the server's name: the service's instance name and the TXT record's {@code name}
 * @param room             the room a new member enters
 * @param tls              whether the server requires TLS
 * @param passwordRequired whether the server asks for a password
 * @param updateInterval   the shortest time between two updates of the member count on the LAN
 */
public record AdvertiserConfig(String serverName, String room, boolean tls, boolean passwordRequired,
                               Duration updateInterval) {

    /** Member count updates go out at most this often, which keeps a busy room from flooding the LAN. */
    public static final Duration DEFAULT_UPDATE_INTERVAL = Duration.ofSeconds(2);

    public AdvertiserConfig {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(updateInterval, "updateInterval");
        if (serverName.isBlank()) {
            throw new IllegalArgumentException("the advertised server name must not be blank");
        }
        if (updateInterval.isNegative()) {
            throw new IllegalArgumentException("update interval must not be negative: " + updateInterval);
        }
    }

    /** A server's advertisement with the default update interval. */
    public static AdvertiserConfig of(String serverName, String room, boolean tls, boolean passwordRequired) {
        return new AdvertiserConfig(serverName, room, tls, passwordRequired, DEFAULT_UPDATE_INTERVAL);
    }
}
