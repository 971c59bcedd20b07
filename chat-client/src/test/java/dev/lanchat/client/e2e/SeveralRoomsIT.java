package dev.lanchat.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.client.ClientMainAccess;
import dev.lanchat.client.RoomsMainAccess;
import dev.lanchat.client.discovery.FoundRoom;
import dev.lanchat.client.discovery.RoomBrowser;
import dev.lanchat.protocol.discovery.Discovery;
import dev.lanchat.testing.LoopbackMulticast;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * LAN discovery with several rooms advertised on the loopback interface: a script must say which one to join, the
 * advertised member count follows joins and departures, and a server that stops withdraws its advertisement while
 * the others stay. The rooms start together for the class, since each takes seconds to answer; "Leaving" may be gone
 * or not when a test runs, "Attic" and "Cellar" stay, and only the member count test has members, in "Cellar".
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SeveralRoomsIT {

    /**
     * How long a member count change may take to reach a browser: JmDNS announces a new TXT record after a second
     * and then again after another, and takes no further change in between. This leaves room for a slow machine.
     */
    private static final Duration UPDATED = Duration.ofSeconds(10);

    private static List<AdvertisedServer> servers;
    private static AdvertisedServer attic;
    private static AdvertisedServer cellar;
    private static AdvertisedServer leaving;

    private final Captured captured = new Captured();

    @BeforeAll
    static void advertiseTheRooms() throws Exception {
        if (!LoopbackMulticast.available()) {
            return;
        }
        servers = AdvertisedServer.startAll("Attic", "Cellar", "Leaving");
        attic = servers.get(0);
        cellar = servers.get(1);
        leaving = servers.get(2);
    }

    @BeforeEach
    void needsLoopbackMulticast() {
        LoopbackMulticast.require();
    }

    @AfterAll
    static void withdrawTheRooms() throws Exception {
        if (servers != null) {
            AdvertisedServer.closeAll(servers);
        }
    }

    @Test
    void aScriptFacingSeveralRoomsIsToldToChooseOneWithHost() throws Exception {
        int status = ClientMainAccess.run(new String[] {"--discover-on", "127.0.0.1", "--nick", "bot"},
                new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8)), captured.out, captured.err);

        String errors = captured.errors();
        assertEquals(2, status, captured.all());
        assertTrue(errors.contains("rooms found on the LAN; choose one with --host"), errors);
        assertTrue(errors.contains("./chat client --host 127.0.0.1 --port " + attic.port()), errors);
        assertTrue(errors.contains("./chat client --host 127.0.0.1 --port " + cellar.port()), errors);
        assertFalse(captured.output().contains("Connecting"), "it must not join any room: " + captured.output());
    }

    @Test
    void theAdvertisedMemberCountFollowsJoinsAndDepartures() throws Exception {
        RoomBrowser browser = RoomBrowser.start(List.of(InetAddress.getLoopbackAddress()));
        try (TestMember ada = TestMember.join(cellar.address, "ada")) {
            awaitCellar(browser, 1);
            ada.command("quit", "");
            ada.awaitClosed();
            awaitCellar(browser, 0);
        } finally {
            browser.close();
        }
    }

    /** Waits until {@code browser} shows "Cellar" with {@code members}; fails after {@link #UPDATED}. */
    private static void awaitCellar(RoomBrowser browser, int members) throws InterruptedException {
        Optional<List<FoundRoom>> rooms = browser.awaitRooms(found -> found.stream().anyMatch(
                room -> room.name().equals("Cellar") && room.advert().members() == members), UPDATED);
        assertTrue(rooms.isPresent(), "the browser did not show 'Cellar' with " + members + " member(s) within "
                + UPDATED.toSeconds() + " s; it has " + browser.rooms());
    }

    @Test
    void aStoppingServerSaysGoodbyeAndIsNoLongerListed() throws Exception {
        try (MdnsMonitor wire = MdnsMonitor.start()) {
            leaving.close();
            assertTrue(wire.awaitGoodbye("Leaving." + Discovery.SERVICE_TYPE, Duration.ofSeconds(10)),
                    "no goodbye (its SRV record with a TTL of 0) was heard for 'Leaving'");
        }

        int status = RoomsMainAccess.run(new String[] {"--json", "--discover-on", "127.0.0.1"}, captured.out,
                captured.err);

        String listed = captured.output();
        assertEquals(0, status, captured.all());
        assertFalse(listed.contains("\"name\":\"Leaving\""), "chat rooms still lists it: " + listed);
        assertTrue(listed.contains("\"name\":\"Attic\""), "the other rooms must stay: " + listed);
        assertTrue(listed.contains("\"name\":\"Cellar\""), "the other rooms must stay: " + listed);
    }
}
