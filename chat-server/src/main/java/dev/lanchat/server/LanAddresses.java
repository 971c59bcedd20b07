package dev.lanchat.server;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Finds the addresses by which other machines on the LAN can reach this one, for the start-up banner. */
final class LanAddresses {

    private LanAddresses() {
    }

    /**
     * The addresses a friend could use to reach a server listening on {@code listen}: the listen address itself if
     * it is a specific one, otherwise the IPv4 addresses of every interface that is up (or, on an IPv6-only network,
     * the IPv6 ones), loopback and link-local addresses left out.
     */
    static List<String> reachable(InetSocketAddress listen) {
        InetAddress bound = listen.getAddress();
        if (bound != null && !bound.isAnyLocalAddress()) {
            return List.of(hostText(bound));
        }
        List<InetAddress> found = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nif.getInetAddresses())) {
                    if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                        found.add(address);
                    }
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        boolean anyIpv4 = found.stream().anyMatch(a -> a instanceof Inet4Address);
        List<String> texts = new ArrayList<>();
        for (InetAddress address : found) {
            if (address instanceof Inet4Address || !anyIpv4) {
                texts.add(hostText(address));
            }
        }
        return texts;
    }

    private static String hostText(InetAddress address) {
        String host = address.getHostAddress();
        int zone = host.indexOf('%');
        return zone < 0 ? host : host.substring(0, zone);
    }
}
