package dev.lanchat.client.discovery;

import dev.lanchat.protocol.discovery.RoomAdvert;
import java.util.Objects;

/**
 * A lanchat server seen on the LAN: where to connect, and what its advertisement says. Immutable.
 *
 * @param name    the service's instance name, unique on the link (usually the server's name)
 * @param address the server's IPv4 address, as text
 * @param port    the chat server's TCP port
 * @param advert  the TXT record's contents: room, member count, protocol version, TLS and password flags
 */
public record FoundRoom(String name, String address, int port, RoomAdvert advert) {

    public FoundRoom {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(advert, "advert");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535: " + port);
        }
    }
}
