package dev.lanchat.client.e2e;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.jmdns.impl.DNSIncoming;
import javax.jmdns.impl.DNSRecord;
import javax.jmdns.impl.constants.DNSRecordType;

/**
 * Listens to multicast DNS on the loopback interface, as any other host on the link would, and keeps the answer
 * records it hears, so that a test can check what a responder said on the wire (its goodbyes, say) without relying
 * on a browser's cache. Decodes packets with JmDNS's own reader. Thread-safe.
 */
final class MdnsMonitor implements AutoCloseable {

    private static final int MDNS_PORT = 5353;

    private final MulticastSocket socket;
    private final List<DNSRecord> heard = new ArrayList<>();
    private final Thread listener;

    private MdnsMonitor(MulticastSocket socket) {
        this.socket = socket;
        this.listener = new Thread(this::listen, "mdns-monitor");
        listener.setDaemon(true);
        listener.start();
    }

    static MdnsMonitor start() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        MulticastSocket socket = new MulticastSocket(new InetSocketAddress(MDNS_PORT));
        socket.joinGroup(new InetSocketAddress(InetAddress.getByName("224.0.0.251"), MDNS_PORT),
                NetworkInterface.getByInetAddress(loopback));
        return new MdnsMonitor(socket);
    }

    private void listen() {
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(new byte[9000], 9000);
            try {
                socket.receive(packet);
                DNSIncoming message = new DNSIncoming(packet);
                if (message.isResponse()) {
                    synchronized (this) {
                        heard.addAll(message.getAllAnswers());
                        notifyAll();
                    }
                }
            } catch (IOException | RuntimeException e) {
                // A closed socket ends the loop; a packet JmDNS cannot read is not ours to check.
            }
        }
    }

    /**
     * Waits for a goodbye of the service instance {@code qualifiedName} (such as
     * {@code lab._lanchat._tcp.local.}): its SRV record with a time to live of 0. Returns whether one was heard.
     */
    boolean awaitGoodbye(String qualifiedName, Duration timeout) throws InterruptedException {
        return await(record -> record.getRecordType() == DNSRecordType.TYPE_SRV && record.getTTL() == 0
                && record.getName().equalsIgnoreCase(qualifiedName), timeout);
    }

    private synchronized boolean await(Predicate<DNSRecord> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (heard.stream().noneMatch(wanted)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        listener.join(TimeUnit.SECONDS.toMillis(5));
    }
}
