package dev.lanchat.server.netty;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open connections, in total, per remote address, and still in their handshake, and refuses one that would
 * pass a limit. The decision is made before any chat state exists for the connection, so a refused connection
 * costs almost nothing. Thread-safe: every event loop admits and releases concurrently.
 */
final class Admissions {

    private final ConnectionLimits limits;
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger handshaking = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    Admissions(ConnectionLimits limits) {
        this.limits = limits;
    }

    /** One admitted connection; releases its counts exactly once. Confined to the channel's event loop. */
    final class Ticket {
        private final InetAddress address;
        private boolean inHandshake = true;
        private boolean released;

        private Ticket(InetAddress address) {
            this.address = address;
        }

        /** The connection completed its handshake. */
        void joined() {
            if (inHandshake && !released) {
                inHandshake = false;
                handshaking.decrementAndGet();
            }
        }

        /** The connection closed. */
        void release() {
            if (released) {
                return;
            }
            released = true;
            if (inHandshake) {
                handshaking.decrementAndGet();
            }
            total.decrementAndGet();
            perAddress.computeIfPresent(address, (a, count) -> count.decrementAndGet() == 0 ? null : count);
        }
    }

    /** What came of an attempt to admit a connection: a ticket, or the sentence explaining the refusal. */
    record Decision(Ticket ticket, String refusal) {
    }

    Decision admit(InetAddress address) {
        if (total.incrementAndGet() > limits.maxConnections()) {
            total.decrementAndGet();
            return new Decision(null, "the server is full: " + limits.maxConnections() + " connections is the limit");
        }
        AtomicInteger fromAddress = perAddress.compute(address, (a, count) -> {
            AtomicInteger counter = count == null ? new AtomicInteger() : count;
            counter.incrementAndGet();
            return counter;
        });
        if (fromAddress.get() > limits.maxPerAddress()) {
            perAddress.computeIfPresent(address, (a, count) -> count.decrementAndGet() == 0 ? null : count);
            total.decrementAndGet();
            return new Decision(null, "too many connections from " + address.getHostAddress() + ": "
                    + limits.maxPerAddress() + " per address is the limit");
        }
        if (handshaking.incrementAndGet() > limits.maxHandshaking()) {
            handshaking.decrementAndGet();
            perAddress.computeIfPresent(address, (a, count) -> count.decrementAndGet() == 0 ? null : count);
            total.decrementAndGet();
            return new Decision(null, "too many connections are joining at once: " + limits.maxHandshaking()
                    + " is the limit; try again shortly");
        }
        return new Decision(new Ticket(address), null);
    }

    int open() {
        return total.get();
    }

    int handshaking() {
        return handshaking.get();
    }
}
