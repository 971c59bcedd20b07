package dev.lanchat.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The capability the discovery tests need: IPv4 multicast on the loopback interface, so that their multicast DNS
 * traffic stays on this machine. {@link #require} checks it for real, by sending a datagram to the multicast DNS
 * group on {@code lo} and receiving it back. Where that fails and the tests run as root, it sets the interface's
 * {@code MULTICAST} flag ({@code ip link set lo multicast on}), which some kernels want, and checks again.
 *
 * <p>If multicast on loopback still does not work, the test cannot say anything about discovery: under CI (the
 * {@code CI} environment variable set) it fails, naming what is missing; elsewhere it is skipped with that message,
 * so a developer without root is told, not silently passed. Call {@link #require} in {@code @BeforeEach}: Maven's
 * report counts a test skipped there, but says nothing of a class skipped in {@code @BeforeAll}.
 */
public final class LoopbackMulticast {

    /** The multicast DNS group; the check uses a port of its own, so no multicast DNS software sees it. */
    private static final String GROUP = "224.0.0.251";
    private static final int TIMEOUT_MILLIS = 1000;

    /** Guarded by the class. */
    private static Boolean works;

    private LoopbackMulticast() {
    }

    /** Whether multicast on loopback works, after setting the flag if that is needed and allowed. Checks once. */
    public static synchronized boolean available() {
        if (works == null) {
            works = check() || (isRoot() && setMulticastFlag() && check());
        }
        return works;
    }

    /** Returns if multicast on loopback works; fails (under CI) or skips the test otherwise. */
    public static void require() {
        if (available()) {
            return;
        }
        String missing = "These tests need IPv4 multicast on the loopback interface (a datagram sent to " + GROUP
                + " on 127.0.0.1 must come back), and it does not work here. The interface must be up, and some "
                + "kernels want its MULTICAST flag: as root, 'ip link set lo up multicast on' sets both. Running as "
                + System.getProperty("user.name") + ", the tests " + (isRoot() ? "set the flag, to no avail."
                : "could not set it.");
        if (System.getenv("CI") != null) {
            fail(missing);
        }
        Assumptions.abort(missing);
    }

    /** Whether a datagram sent to the group on the loopback interface comes back. */
    static boolean check() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        byte[] token = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        try (MulticastSocket receiver = new MulticastSocket(new InetSocketAddress(0));
             MulticastSocket sender = new MulticastSocket(new InetSocketAddress(loopback, 0))) {
            NetworkInterface lo = NetworkInterface.getByInetAddress(loopback);
            InetSocketAddress group = new InetSocketAddress(InetAddress.getByName(GROUP), receiver.getLocalPort());
            receiver.joinGroup(group, lo);
            receiver.setSoTimeout(TIMEOUT_MILLIS);
            sender.setNetworkInterface(lo);
            sender.send(new DatagramPacket(token, token.length, group));
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
            byte[] buffer = new byte[token.length + 1];
            while (System.nanoTime() < deadline) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                receiver.receive(packet);
                if (Arrays.equals(token, Arrays.copyOf(packet.getData(), packet.getLength()))) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false; // a timeout included: nothing came back
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean setMulticastFlag() {
        try {
            Process ip = new ProcessBuilder("ip", "link", "set", "lo", "multicast", "on")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return ip.waitFor(10, TimeUnit.SECONDS) && ip.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
