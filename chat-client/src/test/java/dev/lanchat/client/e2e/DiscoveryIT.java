package dev.lanchat.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.client.ClientMainAccess;
import dev.lanchat.client.RoomsMainAccess;
import dev.lanchat.client.discovery.FoundRoom;
import dev.lanchat.client.discovery.RoomBrowser;
import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.discovery.RoomAdvert;
import dev.lanchat.testing.LoopbackMulticast;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * LAN discovery end to end with one room: a real server, "Lab PC", advertised with multicast DNS on the loopback
 * interface for the whole class (a new advertisement takes seconds to answer), found by the client's browser, by
 * {@code chat client} without {@code --host}, and by {@code chat rooms}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiscoveryIT {

    /** How long a member count change may take to reach a browser; this leaves room for a slow machine. */
    private static final Duration UPDATED = Duration.ofSeconds(10);

    private static AdvertisedServer lab;
    /** A browser started once the room answers, watching it for the whole class. */
    private static RoomBrowser watch;

    private final List<TestMember> members = new ArrayList<>();
    private final Captured captured = new Captured();

    @BeforeAll
    static void advertiseTheLab() throws Exception {
        if (LoopbackMulticast.available()) {
            lab = AdvertisedServer.start("Lab PC");
            watch = RoomBrowser.start(List.of(InetAddress.getLoopbackAddress()));
        }
    }

    @BeforeEach
    void needsLoopbackMulticast() {
        LoopbackMulticast.require();
    }

    @AfterAll
    static void withdrawTheLab() throws Exception {
        CompletableFuture<Void> browserClosed = watch == null ? null : watch.closeInBackground();
        if (lab != null) {
            lab.close();
        }
        if (browserClosed != null) {
            browserClosed.get(10, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void leaveTheLab() {
        members.forEach(TestMember::close);
    }

    private TestMember join(String nick) throws Exception {
        TestMember member = TestMember.join(lab.address, nick);
        members.add(member);
        return member;
    }

    /** Waits until the browser shows "Lab PC" as {@code wanted}; fails after {@link #UPDATED}. */
    private static FoundRoom awaitLab(Predicate<FoundRoom> wanted) throws InterruptedException {
        Predicate<FoundRoom> lab = room -> room.name().equals("Lab PC");
        Optional<List<FoundRoom>> rooms = watch.awaitRooms(found -> found.stream().anyMatch(lab.and(wanted)),
                UPDATED);
        assertTrue(rooms.isPresent(), "the browser did not show 'Lab PC' as expected within "
                + UPDATED.toSeconds() + " s; it has " + watch.rooms());
        return rooms.get().stream().filter(lab.and(wanted)).findFirst().orElseThrow();
    }

    @Test
    void aBrowseFindsTheAdvertisedRoomWithItsTxtValues() throws Exception {
        // An earlier test's members may have just left: their departure reaches the browser within seconds.
        FoundRoom room = awaitLab(found -> found.advert().members() == 0);

        assertEquals("127.0.0.1", room.address());
        assertEquals(lab.port(), room.port());
        assertEquals(new RoomAdvert(Protocol.VERSION, "Lab PC", "lobby", 0, false, false), room.advert());
    }

    @Test
    void aClientWithoutHostJoinsTheOnlyRoomOnTheLan() throws Exception {
        TestMember observer = join("observer");

        int status = ClientMainAccess.run(new String[] {"--discover-on", "127.0.0.1", "--nick", "bot"},
                new ByteArrayInputStream("hello\nquit\n".getBytes(StandardCharsets.UTF_8)), captured.out, captured.err);

        String output = captured.output();
        assertEquals(0, status, captured.all());
        assertTrue(output.contains("Found one room on the LAN: 'lobby' on Lab PC at 127.0.0.1:" + lab.port()), output);
        assertEquals("hello", observer.await(ServerMessage.Chat.class, chat -> chat.from().equals("bot")).text());
    }

    @Test
    void chatRoomsPrintsOneJsonObjectPerRoom() throws Exception {
        int status = RoomsMainAccess.run(new String[] {"--json", "--discover-on", "127.0.0.1"}, captured.out,
                captured.err);

        assertEquals(0, status, captured.all());
        // The member count may still be settling after an earlier test: any count will do here.
        String anyCount = captured.output().replaceFirst("\"members\":\\d+", "\"members\":N");
        assertEquals("{\"name\":\"Lab PC\",\"host\":\"127.0.0.1\",\"port\":" + lab.port() + ",\"server\":\"Lab PC\","
                + "\"room\":\"lobby\",\"members\":N,\"protocol\":" + Protocol.VERSION + ",\"tls\":false,"
                + "\"password\":false}" + System.lineSeparator(), anyCount);
    }

    @Test
    void chatRoomsListsTheRoomsAsATable() throws Exception {
        int status = RoomsMainAccess.run(new String[] {"--discover-on", "127.0.0.1"}, captured.out, captured.err);

        String output = captured.output();
        assertEquals(0, status, captured.all());
        assertTrue(output.contains("1 chat room on the LAN:"), output);
        assertTrue(output.contains("Lab PC  127.0.0.1:" + lab.port() + "  lobby  "), output);
    }
}
