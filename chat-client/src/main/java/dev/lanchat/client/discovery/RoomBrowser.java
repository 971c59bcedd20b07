package dev.lanchat.client.discovery;

import dev.lanchat.protocol.discovery.Discovery;
import dev.lanchat.protocol.discovery.RoomAdvert;
import dev.lanchat.protocol.discovery.TxtRecord;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for lanchat rooms on the LAN: browses DNS-SD for {@link Discovery#SERVICE_TYPE} over multicast DNS, with one
 * JmDNS instance per local address (a browser serves one link), and keeps the rooms it has seen and resolved. Knows
 * nothing about terminals.
 *
 * <p>JmDNS reports on its own threads; this class gathers their reports under its lock, so every method may be
 * called from any thread. Thread-safe.
 */
public final class RoomBrowser implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RoomBrowser.class);
    private static final AtomicInteger browsers = new AtomicInteger();
    /** JmDNS closes in about two seconds; this leaves room for a slow machine. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(6);

    private final List<JmDNS> responders = new ArrayList<>();
    /** Rooms resolved, by the responder that saw them and their instance name. Guarded by this. */
    private final Map<Sighting, FoundRoom> found = new LinkedHashMap<>();
    /** Services announced but not resolved yet (no address or no lanchat TXT record so far). Guarded by this. */
    private final Set<Sighting> pending = new HashSet<>();
    private long lastChange = System.nanoTime();

    private record Sighting(int responder, String name) {
    }

    private RoomBrowser() {
    }

    /**
     * Starts browsing on each of {@code addresses}. An address where multicast cannot be set up is skipped (see
     * {@link #isBrowsing}); browsing goes on in the background until {@link #close}.
     */
    public static RoomBrowser start(List<InetAddress> addresses) {
        RoomBrowser browser = new RoomBrowser();
        // JmDNS announces a host name of its own even when it only browses; make it one no one else uses.
        String host = "lanchat-browser-" + ProcessHandle.current().pid() + "-" + browsers.incrementAndGet();
        for (InetAddress address : addresses) {
            try {
                // An address that carries its host name spares JmDNS a reverse DNS lookup, which can take seconds
                // on a network without a DNS server.
                JmDNS jmdns = JmDNS.create(InetAddress.getByAddress(host, address.getAddress()), host);
                int index;
                synchronized (browser) {
                    index = browser.responders.size();
                    browser.responders.add(jmdns);
                }
                jmdns.addServiceListener(Discovery.SERVICE_TYPE, browser.new Listener(index, jmdns));
            } catch (IOException | RuntimeException e) {
                log.debug("cannot browse on {}: {}", address.getHostAddress(), e.toString());
            }
        }
        return browser;
    }

    /** Whether it browses on at least one address. */
    public synchronized boolean isBrowsing() {
        return !responders.isEmpty();
    }

    /**
     * The rooms resolved so far, each once even if seen on several links, ordered by name. A room counts once its
     * address and its lanchat TXT record are known.
     */
    public synchronized List<FoundRoom> rooms() {
        Map<String, FoundRoom> unique = new LinkedHashMap<>();
        for (FoundRoom room : found.values()) {
            unique.putIfAbsent(room.name().toLowerCase(Locale.ROOT) + "\u0000" + room.port(), room);
        }
        List<FoundRoom> rooms = new ArrayList<>(unique.values());
        rooms.sort(Comparator.comparing((FoundRoom room) -> room.name().toLowerCase(Locale.ROOT))
                .thenComparing(FoundRoom::address).thenComparingInt(FoundRoom::port));
        return rooms;
    }

    /**
     * Waits until the answers have settled, or {@code max} has passed, and returns the rooms found. The answers have
     * settled when at least one room is resolved, none is half-resolved, and nothing has changed for {@code quiet}.
     * With nothing found, it waits the whole {@code max}: there is no telling "none" from "not yet".
     */
    public synchronized List<FoundRoom> awaitSettled(Duration max, Duration quiet) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!responders.isEmpty()) {
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                break;
            }
            long wakeAt = deadline;
            if (!found.isEmpty() && pending.isEmpty()) {
                long settledAt = lastChange + quiet.toNanos();
                if (now - settledAt >= 0) {
                    break;
                }
                wakeAt = settledAt - deadline < 0 ? settledAt : deadline;
            }
            TimeUnit.NANOSECONDS.timedWait(this, wakeAt - now);
        }
        return rooms();
    }

    /**
     * Waits up to {@code timeout} for the rooms to satisfy {@code condition}, re-checking each time what was seen
     * changes; returns the rooms then, or empty if the time ran out first.
     */
    public synchronized Optional<List<FoundRoom>> awaitRooms(Predicate<List<FoundRoom>> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<FoundRoom> rooms = rooms();
            if (condition.test(rooms)) {
                return Optional.of(rooms);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Stops browsing and waits, a few seconds at most, for the multicast DNS instances to close. */
    @Override
    public void close() {
        try {
            closeInBackground().get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.debug("the multicast DNS browser did not close in time: {}", e.toString());
        }
    }

    /**
     * Stops browsing without waiting: the multicast DNS instances close on background threads (JmDNS takes about two
     * seconds to say goodbye) while the caller gets on with its work. The future completes once they have closed.
     */
    public CompletableFuture<Void> closeInBackground() {
        List<JmDNS> closing;
        synchronized (this) {
            closing = new ArrayList<>(responders);
            responders.clear();
            notifyAll();
        }
        List<CompletableFuture<Void>> closed = new ArrayList<>();
        for (JmDNS jmdns : closing) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            Thread closer = new Thread(() -> {
                try {
                    jmdns.close();
                } catch (IOException | RuntimeException e) {
                    log.debug("closing a multicast DNS browser failed: {}", e.toString());
                } finally {
                    done.complete(null);
                }
            }, "room-browser-close");
            closer.setDaemon(true);
            closer.start();
            closed.add(done);
        }
        return CompletableFuture.allOf(closed.toArray(new CompletableFuture<?>[0]));
    }

    /** Reads a resolved service: a room once it has an IPv4 address and a lanchat TXT record. */
    static Optional<FoundRoom> roomOf(ServiceInfo info) {
        Inet4Address[] addresses = info.getInet4Addresses();
        byte[] text = info.getTextBytes();
        if (addresses.length == 0 || text == null || info.getPort() < 1 || info.getPort() > 65535) {
            return Optional.empty();
        }
        return RoomAdvert.fromTxt(TxtRecord.decode(text))
                .map(advert -> new FoundRoom(info.getName(), addresses[0].getHostAddress(), info.getPort(), advert));
    }

    private synchronized void changed() {
        lastChange = System.nanoTime();
        notifyAll();
    }

    /** Hears one JmDNS instance's reports about lanchat services. */
    private final class Listener implements ServiceListener {

        private final int responder;
        private final JmDNS jmdns;

        Listener(int responder, JmDNS jmdns) {
            this.responder = responder;
            this.jmdns = jmdns;
        }

        private Sighting sighting(ServiceEvent event) {
            return new Sighting(responder, event.getName().toLowerCase(Locale.ROOT));
        }

        @Override
        public void serviceAdded(ServiceEvent event) {
            synchronized (RoomBrowser.this) {
                Sighting sighting = sighting(event);
                if (!found.containsKey(sighting)) {
                    pending.add(sighting);
                }
                changed();
            }
            // The answer that announced it usually carries the rest; if not, this asks for it.
            jmdns.requestServiceInfo(event.getType(), event.getName());
        }

        @Override
        public void serviceResolved(ServiceEvent event) {
            Optional<FoundRoom> room = roomOf(event.getInfo());
            synchronized (RoomBrowser.this) {
                Sighting sighting = sighting(event);
                if (room.isPresent()) {
                    found.put(sighting, room.get());
                    pending.remove(sighting);
                } else if (!found.containsKey(sighting)) {
                    pending.add(sighting);
                }
                changed();
            }
        }

        @Override
        public void serviceRemoved(ServiceEvent event) {
            synchronized (RoomBrowser.this) {
                Sighting sighting = sighting(event);
                found.remove(sighting);
                pending.remove(sighting);
                changed();
            }
        }
    }
}
