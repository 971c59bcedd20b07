package dev.lanchat.server.discovery;

import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.discovery.Discovery;
import dev.lanchat.protocol.discovery.MulticastInterfaces;
import dev.lanchat.protocol.discovery.RoomAdvert;
import dev.lanchat.server.room.MemberCount;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import javax.jmdns.impl.JmDNSImpl;
import javax.jmdns.impl.ServiceInfoImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Advertises a running chat server on the LAN: a DNS-SD service of type {@link Discovery#SERVICE_TYPE} over
 * multicast DNS, with a {@link RoomAdvert} in its TXT record whose member count it keeps current. It runs one JmDNS
 * responder per local address it advertises on (see {@link MulticastInterfaces#forBind}), since a responder serves
 * one link. {@link #close} withdraws the service with goodbye packets.
 *
 * <p>Nothing here blocks the caller for long: {@link #start} returns at once and registers in the background, and the
 * service becomes visible once multicast DNS has probed for its names, a few seconds later. Every JmDNS call happens
 * on the advertiser's own thread. Thread-safe.
 */
public final class LanAdvertiser implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LanAdvertiser.class);

    /** How long {@link #close} waits for the goodbyes; JmDNS sends them over about two seconds. */
    static final Duration WITHDRAW_TIMEOUT = Duration.ofSeconds(6);
    /** Multicast DNS takes about 5 s to announce a service; past this, something is wrong. */
    private static final Duration ANNOUNCE_REPORT_TIMEOUT = Duration.ofSeconds(30);

    private final AdvertiserConfig config;
    private final MemberCount members;
    private final List<InetAddress> addresses;
    private final int port;
    private final ScheduledThreadPoolExecutor worker;
    private final ThrottledPublisher publisher;
    private final IntConsumer onCountChange = count -> onWorker(this::countChanged);
    private final AtomicBoolean withdrawing = new AtomicBoolean();
    private final CompletableFuture<Void> withdrawn = new CompletableFuture<>();
    /** The registrations made at start, once made. */
    private final CompletableFuture<List<Registration>> registered = new CompletableFuture<>();
    /** Touched only on the worker thread. */
    private final List<Registration> registrations = new ArrayList<>();

    /** One responder and the service it announces, with the member count its TXT record carries. */
    private static final class Registration {
        final InetAddress address;
        final JmDNS jmdns;
        final ServiceInfo info;
        int members;

        Registration(InetAddress address, JmDNS jmdns, ServiceInfo info, int members) {
            this.address = address;
            this.jmdns = jmdns;
            this.info = info;
            this.members = members;
        }
    }

    private LanAdvertiser(List<InetAddress> addresses, int port, AdvertiserConfig config, MemberCount members) {
        this.addresses = List.copyOf(addresses);
        this.port = port;
        this.config = config;
        this.members = members;
        this.worker = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "lan-advertiser");
            thread.setDaemon(true);
            return thread;
        });
        // Once withdrawing, pending member count updates are dropped rather than sent after the goodbyes.
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.publisher = new ThrottledPublisher(config.updateInterval(), System::nanoTime,
                (task, delay) -> worker.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS),
                members.get(), members::get, this::publish);
    }

    /**
     * Starts advertising a server listening on {@code listening} (the address actually bound, with its real port):
     * on that address if it is a specific one, else on every LAN interface. Returns at once.
     */
    public static LanAdvertiser start(InetSocketAddress listening, AdvertiserConfig config, MemberCount members) {
        return start(MulticastInterfaces.forBind(listening.getAddress()), listening.getPort(), config, members);
    }

    /** Starts advertising port {@code port} on each of {@code addresses}. Returns at once. */
    public static LanAdvertiser start(List<InetAddress> addresses, int port, AdvertiserConfig config,
                                      MemberCount members) {
        LanAdvertiser advertiser = new LanAdvertiser(addresses, port, config, members);
        if (addresses.isEmpty()) {
            log.info("not advertised on the LAN: no network interface with IPv4 multicast is up");
        }
        advertiser.onWorker(advertiser::register);
        return advertiser;
    }

    /** The local addresses it advertises on, or tries to. */
    public List<InetAddress> addresses() {
        return addresses;
    }

    /** Whether it advertises beyond this machine: on at least one address that is not loopback. */
    public boolean reachesLan() {
        return addresses.stream().anyMatch(address -> !address.isLoopbackAddress());
    }

    /** The service's instance name, as browsers first see it; multicast DNS may add a suffix to keep it unique. */
    public String instanceName() {
        return Discovery.instanceName(config.serverName());
    }

    /**
     * Starts withdrawing the advertisement: goodbye packets on every address, then the responders close. Returns at
     * once; the future completes when they have closed. Calling it again returns the same future.
     */
    public CompletableFuture<Void> withdraw() {
        if (withdrawing.compareAndSet(false, true)) {
            members.removeListener(onCountChange);
            if (!onWorker(this::closeAll)) {
                withdrawn.complete(null);
            }
            worker.shutdown();
        }
        return withdrawn;
    }

    /**
     * Waits until the advertisement answers browsers on every address: multicast DNS probes for the names first and
     * JmDNS answers queries only once it has announced them, which takes about 5 seconds from {@link #start}.
     * Returns {@code false} if that did not happen within {@code timeout}, or if nothing could be registered.
     */
    public boolean awaitAnnounced(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Registration> made;
        try {
            made = registered.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
        if (made.isEmpty()) {
            return false;
        }
        for (Registration registration : made) {
            boolean hostAnnounced = !(registration.jmdns instanceof JmDNSImpl)
                    || ((JmDNSImpl) registration.jmdns).waitForAnnounced(millisUntil(deadline));
            boolean serviceAnnounced = hostAnnounced && (!(registration.info instanceof ServiceInfoImpl)
                    || ((ServiceInfoImpl) registration.info).waitForAnnounced(millisUntil(deadline)));
            if (!serviceAnnounced) {
                return false;
            }
        }
        return true;
    }

    /** Withdraws the advertisement and waits, a few seconds at most, for the goodbyes to go out. */
    @Override
    public void close() {
        try {
            withdraw().get(WITHDRAW_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("the LAN advertisement was not withdrawn cleanly: {}", e.toString());
        }
    }

    private void register() {
        String host = Discovery.hostLabel("lanchat-" + config.serverName(), "lanchat");
        int count = members.get();
        byte[] text = advert(count).toTxt().encode();
        for (InetAddress address : addresses) {
            if (withdrawing.get()) {
                return;
            }
            JmDNS jmdns = null;
            try {
                // An address that carries its host name spares JmDNS a reverse DNS lookup, which can take seconds
                // on a network without a DNS server.
                jmdns = JmDNS.create(InetAddress.getByAddress(host, address.getAddress()), host);
                ServiceInfo info = ServiceInfo.create(Discovery.SERVICE_TYPE, instanceName(), port, 0, 0, text);
                jmdns.registerService(info);
                Registration registration = new Registration(address, jmdns, info, count);
                registrations.add(registration);
                log.debug("registered '{}' at {}:{} ({})", instanceName(), address.getHostAddress(), port,
                        Discovery.SERVICE_TYPE);
                reportWhenAnnounced(registration, System.nanoTime() + ANNOUNCE_REPORT_TIMEOUT.toNanos());
            } catch (IOException | RuntimeException e) {
                log.warn("cannot advertise on {}: {}", address.getHostAddress(), e.toString());
                if (jmdns != null) {
                    closeQuietly(address, jmdns);
                }
            }
        }
        registered.complete(List.copyOf(registrations));
        if (!withdrawing.get()) {
            members.addListener(onCountChange);
            countChanged(); // a member may have come or gone since the count above was read
        }
    }

    /**
     * Logs, once browsers get answers, under which name: multicast DNS renames a service whose name another one on
     * the link already has (to {@code "lab-pc (2)"}, say). Checks on the worker every half second, without blocking it.
     */
    private void reportWhenAnnounced(Registration registration, long deadline) {
        if (withdrawing.get()) {
            return;
        }
        boolean announced = !(registration.info instanceof ServiceInfoImpl)
                || ((ServiceInfoImpl) registration.info).isAnnounced();
        String name = registration.info.getName();
        String where = registration.address.getHostAddress() + ":" + port;
        if (announced && name.equals(instanceName())) {
            log.info("advertised on the LAN as '{}' at {} ({})", name, where, Discovery.SERVICE_TYPE);
        } else if (announced) {
            log.info("advertised on the LAN as '{}' at {} ({}): another service there is called '{}'", name, where,
                    Discovery.SERVICE_TYPE, instanceName());
        } else if (System.nanoTime() - deadline > 0) {
            log.warn("the LAN advertisement at {} is still not answering; is multicast blocked there?", where);
        } else {
            worker.schedule(() -> reportWhenAnnounced(registration, deadline), 500, TimeUnit.MILLISECONDS);
        }
    }

    private void countChanged() {
        if (!withdrawing.get()) {
            publisher.changed();
        }
    }

    /**
     * Puts {@code count} in every TXT record that does not carry it yet. Returns {@code false} if a service is still
     * being probed or announced: JmDNS 3.6 loses a TXT change made then and stops announcing that service
     * (jmdns/jmdns#252), so the publisher tries again later.
     */
    private boolean publish(int count) {
        if (withdrawing.get()) {
            return true;
        }
        boolean all = true;
        byte[] text = advert(count).toTxt().encode();
        for (Registration registration : registrations) {
            if (registration.members == count) {
                continue;
            }
            if (registration.info instanceof ServiceInfoImpl && !((ServiceInfoImpl) registration.info).isAnnounced()) {
                all = false;
                continue;
            }
            registration.info.setText(text);
            registration.members = count;
            log.debug("advertised member count on {} is now {}", registration.address.getHostAddress(), count);
        }
        return all;
    }

    private void closeAll() {
        // Each responder sends its goodbyes over about two seconds; closing them side by side keeps the stop short.
        List<Thread> closers = new ArrayList<>();
        for (Registration registration : registrations) {
            Thread closer = new Thread(() -> closeQuietly(registration.address, registration.jmdns),
                    "lan-advertiser-close");
            closer.setDaemon(true);
            closer.start();
            closers.add(closer);
        }
        long deadline = System.nanoTime() + WITHDRAW_TIMEOUT.toNanos();
        try {
            for (Thread closer : closers) {
                closer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        registrations.stream().map(registration -> registration.info.getName()).distinct()
                .forEach(name -> log.info("withdrew the LAN advertisement of '{}'", name));
        registrations.clear();
        registered.complete(List.of()); // withdrawn before it registered anything
        withdrawn.complete(null);
    }

    private static void closeQuietly(InetAddress address, JmDNS jmdns) {
        try {
            jmdns.close();
        } catch (IOException | RuntimeException e) {
            log.debug("closing the responder on {} failed: {}", address.getHostAddress(), e.toString());
        }
    }

    private static long millisUntil(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private RoomAdvert advert(int count) {
        return new RoomAdvert(Protocol.VERSION, config.serverName(), config.room(), count, config.tls(),
                config.passwordRequired());
    }

    /** Runs {@code task} on the worker; returns {@code false} if the worker has stopped. */
    private boolean onWorker(Runnable task) {
        try {
            worker.execute(task);
            return true;
        } catch (RejectedExecutionException stopped) {
            return false;
        }
    }
}
