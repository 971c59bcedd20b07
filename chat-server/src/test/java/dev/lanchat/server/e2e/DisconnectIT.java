package dev.lanchat.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.ServerMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Clients that vanish mid-frame, one after another or hundreds at once, leave nothing behind. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DisconnectIT {

    private static final byte[] HALF_FRAME = {0, 0, 0, 100, '{', '"', 't'};

    @Test
    void aThousandConnectAndKillCyclesLeakNoChannelsOrDescriptors() throws Exception {
        try (ServerFixture fixture = new ServerFixture(l -> l.withConnections(10_000, 2_000, 2_000))) {
            WireClient observer = fixture.join("observer");
            long descriptorsBefore = openDescriptors();
            int joined = 0;
            for (int i = 0; i < 1000; i++) {
                if (i % 10 == 0) {
                    // Every tenth joins first, then dies in the middle of a frame.
                    WireClient member = WireClient.connect(fixture.address).join("churn" + i);
                    member.sendRaw(HALF_FRAME);
                    member.reset();
                    joined++;
                } else {
                    try (Socket socket = new Socket(fixture.address.getAddress(), fixture.address.getPort())) {
                        OutputStream out = socket.getOutputStream();
                        out.write(HALF_FRAME);
                        out.flush();
                        socket.setSoLinger(true, 0);
                    }
                }
            }
            await().atMost(30, TimeUnit.SECONDS).until(() -> fixture.server.openConnections() == 1);

            Set<String> departed = new HashSet<>();
            while (departed.size() < joined) {
                ServerMessage.Left left = observer.await(ServerMessage.Left.class, l -> true);
                assertEquals(LeaveReason.LOST.wireName(), left.reason());
                departed.addAll(left.nicks());
            }
            long descriptorsAfter = openDescriptors();
            System.out.printf("[churn] 1000 connect-and-kill cycles: open descriptors %d before, %d after%n",
                    descriptorsBefore, descriptorsAfter);
            assertTrue(descriptorsAfter <= descriptorsBefore + 20,
                    "descriptors grew from " + descriptorsBefore + " to " + descriptorsAfter);
        }
    }

    @Test
    void aMassDisconnectIsAnnouncedInFewMessagesAndTheServerStaysResponsive() throws Exception {
        int crowd = 300;
        try (ServerFixture fixture = new ServerFixture(l -> l.withConnections(10_000, 1_000, 1_000))) {
            WireClient observer = fixture.join("observer");
            List<WireClient> members = new ArrayList<>();
            for (int i = 0; i < crowd; i++) {
                members.add(fixture.join("member" + i));
            }
            observer.await(ServerMessage.Joined.class, j -> j.nick().equals("member" + (crowd - 1)));

            long start = System.nanoTime();
            for (WireClient member : members) {
                member.reset();
            }
            Set<String> departed = new HashSet<>();
            int notices = 0;
            while (departed.size() < crowd) {
                departed.addAll(observer.await(ServerMessage.Left.class, l -> true).nicks());
                notices++;
            }
            long announcedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            long pingStart = System.nanoTime();
            observer.send(new ClientMessage.Ping("still there?"));
            observer.await(ServerMessage.Pong.class, p -> true);
            System.out.printf("[mass disconnect] %d members reset at once: announced in %d message(s) within %d ms; "
                    + "a ping right after took %.2f ms%n", crowd, notices, announcedMillis,
                    (System.nanoTime() - pingStart) / 1e6);
            assertTrue(notices < crowd / 2, crowd + " departures took " + notices + " messages: not batched");
        }
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/proc/self/fd"))) {
            return entries.count();
        }
    }
}
