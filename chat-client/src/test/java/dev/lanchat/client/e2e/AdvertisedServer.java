package dev.lanchat.client.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import dev.lanchat.server.ChatServer;
import dev.lanchat.server.ServerConfig;
import dev.lanchat.server.discovery.AdvertiserConfig;
import dev.lanchat.server.discovery.LanAdvertiser;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real chat server on 127.0.0.1, advertised on the loopback interface as {@code chat server} advertises it, and
 * ready to answer browsers: multicast DNS makes a new advertisement wait about 5 seconds for that.
 */
final class AdvertisedServer implements AutoCloseable {

    final String name;
    final ChatServer server;
    final InetSocketAddress address;
    final LanAdvertiser advertiser;

    private AdvertisedServer(String name, ChatServer server, InetSocketAddress address, LanAdvertiser advertiser) {
        this.name = name;
        this.server = server;
        this.address = address;
        this.advertiser = advertiser;
    }

    /**
     * The member count goes out at most this often; shorter than a server's 2 s to keep the tests quick (the throttle
     * itself is tested in chat-server's {@code ThrottledPublisherTest}).
     */
    static final Duration UPDATE_INTERVAL = Duration.ofMillis(250);

    /** How long a new advertisement may take to answer browsers; this leaves room for a slow machine. */
    static final Duration ANNOUNCED = Duration.ofSeconds(20);

    /** Starts the server and its advertisement, and returns once browsers get answers; fails if they do not. */
    static AdvertisedServer start(String name) throws Exception {
        // Departures count at once (no resume grace), so member counts settle quickly.
        ChatServer server = new ChatServer(ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0))
                .withServerName(name).withHistory(null, ServerConfig.History.DEFAULTS, Duration.ZERO));
        InetSocketAddress address = server.start();
        LanAdvertiser advertiser = LanAdvertiser.start(address, new AdvertiserConfig(name, ServerConfig.DEFAULT_LOBBY,
                false, false, UPDATE_INTERVAL), server.memberCount());
        AdvertisedServer advertised = new AdvertisedServer(name, server, address, advertiser);
        if (!advertiser.awaitAnnounced(ANNOUNCED)) {
            advertised.close();
            fail("the advertisement of '" + name + "' did not answer browsers within " + ANNOUNCED.toSeconds() + " s");
        }
        return advertised;
    }

    int port() {
        return address.getPort();
    }

    /** Withdraws the advertisement while the server stops, and waits for both. */
    @Override
    public void close() {
        advertiser.withdraw();
        server.stop("test over");
        advertiser.close();
    }

    /** Starts each of {@code names} side by side, since each waits about 5 seconds to answer browsers. */
    static List<AdvertisedServer> startAll(String... names) throws Exception {
        List<CompletableFuture<AdvertisedServer>> starting = new ArrayList<>();
        for (String name : names) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return start(name);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<AdvertisedServer> started = new ArrayList<>();
        for (CompletableFuture<AdvertisedServer> server : starting) {
            started.add(server.get(ANNOUNCED.toSeconds() + 10, TimeUnit.SECONDS));
        }
        return started;
    }

    /** Closes each of {@code servers} side by side: withdrawing an advertisement takes about two seconds. */
    static void closeAll(List<AdvertisedServer> servers) throws Exception {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (AdvertisedServer server : servers) {
            closing.add(CompletableFuture.runAsync(server::close));
        }
        CompletableFuture.allOf(closing.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
    }
}
