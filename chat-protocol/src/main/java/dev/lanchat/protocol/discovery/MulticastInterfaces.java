package dev.lanchat.protocol.discovery;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Chooses the local addresses on which multicast DNS runs: one per network interface, since a multicast DNS
 * responder or browser works on one link at a time. IPv4 only: lanchat's LAN discovery does not cover IPv6-only
 * networks (a client there still joins with {@code --host}).
 */
public final class MulticastInterfaces {

    private MulticastInterfaces() {
    }

    /**
     * Where a server listening on {@code bind} advertises: the address itself if it is a specific one (loopback
     * included, which only this machine sees), otherwise {@link #lan()}.
     */
    public static List<InetAddress> forBind(InetAddress bind) {
        if (bind != null && !bind.isAnyLocalAddress()) {
            return List.of(bind);
        }
        return lan();
    }

    /**
     * The first IPv4 address of every interface that is up, supports multicast, and is neither loopback nor a
     * point-to-point link (a VPN tunnel has no LAN behind it); empty if there is none or the list cannot be read.
     */
    public static List<InetAddress> lan() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback() || nif.isPointToPoint() || !nif.supportsMulticast()) {
                    continue;
                }
                Collections.list(nif.getInetAddresses()).stream()
                        .filter(address -> address instanceof Inet4Address && !address.isLinkLocalAddress())
                        .findFirst()
                        .ifPresent(addresses::add);
            }
        } catch (SocketException e) {
            return List.of();
        }
        return addresses;
    }
}
