package dev.lanchat.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.ServerMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A member that never reads while others chat at full speed: it is dropped, and they lose nothing. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SlowReaderIT {

    private static final int TALKERS = 5;
    /** Lines a talker sends a second: 1,000 a second in all, 6,000 deliveries a second. */
    private static final int RATE_EACH = 200;
    /** Two seconds of chat: about 500 KB for the member that never reads, twice what its queue may hold. */
    private static final int LINES_EACH = 400;
    private static final String PADDING = "x".repeat(150);

    @Test
    void aMemberThatNeverReadsIsDroppedWhileTheOthersChatOn() throws Exception {
        try (ServerFixture fixture = new ServerFixture(l -> l.withFlood(1_000_000, 1_000_000)
                .withConnections(1000, 100, 100))) {
            List<WireClient> talkers = new ArrayList<>();
            for (int i = 0; i < TALKERS; i++) {
                talkers.add(fixture.join("talker" + i));
            }
            List<ServerMessage> others = new ArrayList<>();
            Latencies alone = chat(talkers, 0, others);
            long heapBefore = usedHeapAfterGc();

            fixture.track(WireClient.connectNeverReading(fixture.address)).helloBlind("stuck");
            for (WireClient talker : talkers) {
                talker.await(ServerMessage.Joined.class, j -> j.nick().equals("stuck"));
            }
            Latencies withStuck = chat(talkers, 1, others);
            // Each talker saw the stuck member leave, during the chat or soon after.
            for (int i = 0; i < talkers.size(); i++) {
                WireClient talker = talkers.get(i);
                ServerMessage.Left left = others.stream().filter(m -> m instanceof ServerMessage.Left)
                        .map(m -> (ServerMessage.Left) m).findFirst().orElse(null);
                left = left != null && others.remove(left) ? left : talker.await(ServerMessage.Left.class, l -> true);
                assertEquals(List.of("stuck"), left.nicks());
                assertEquals(LeaveReason.SEND_QUEUE.wireName(), left.reason());
            }
            long heapAfter = usedHeapAfterGc();
            System.out.printf("[slow reader] %d talkers at %d lines/s each; their latency alone: %s; with a member "
                    + "that never reads: %s; heap after GC: %d MiB before the stuck member, %d MiB after it was "
                    + "dropped%n", TALKERS, RATE_EACH, alone.summary(), withStuck.summary(), heapBefore >> 20,
                    heapAfter >> 20);
        }
    }

    /**
     * Has every talker send {@link #LINES_EACH} lines at {@link #RATE_EACH} a second, checks that every talker
     * receives every line of every talker in order, and returns the latencies the talkers saw. Messages other than
     * chat lines are added to {@code others}.
     */
    private static Latencies chat(List<WireClient> talkers, int round, List<ServerMessage> others)
            throws Exception {
        Latencies latencies = new Latencies();
        for (WireClient talker : talkers) {
            talker.onReceive(message -> {
                if (message instanceof ServerMessage.Chat) {
                    latencies.add(System.nanoTime() - Long.parseLong(((ServerMessage.Chat) message).text()
                            .split(" ")[2]));
                }
            });
        }
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < talkers.size(); i++) {
            WireClient talker = talkers.get(i);
            String name = "talker" + i + "." + round;
            Thread sender = new Thread(() -> {
                long interval = TimeUnit.SECONDS.toNanos(1) / RATE_EACH;
                long next = System.nanoTime();
                try {
                    for (int seq = 0; seq < LINES_EACH; seq++) {
                        while (System.nanoTime() < next) {
                            LockSupport.parkNanos(next - System.nanoTime());
                        }
                        next += interval;
                        talker.send(new ClientMessage.Say(name + " " + seq + " " + System.nanoTime() + " "
                                + PADDING));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            sender.start();
            senders.add(sender);
        }
        for (WireClient talker : talkers) {
            Map<String, Integer> next = new HashMap<>();
            int lines = 0;
            while (lines < talkers.size() * LINES_EACH) {
                ServerMessage message = talker.next(ServerMessage.class);
                if (message instanceof ServerMessage.Chat) {
                    check((ServerMessage.Chat) message, next);
                    lines++;
                } else {
                    others.add(message);
                }
            }
        }
        for (Thread sender : senders) {
            sender.join(TimeUnit.SECONDS.toMillis(10));
        }
        return latencies;
    }

    @Test
    void aMemberStuckBelowTheCapIsDroppedAfterTheStuckTimeout() throws Exception {
        try (ServerFixture fixture = new ServerFixture(l -> l.withFlood(1_000_000, 1_000_000)
                .withSendQueue(8 * 1024 * 1024, l.socketSendBuffer())
                .withTimeouts(l.handshakeTimeout(), l.idleBeforePing(), l.pingTimeout(), Duration.ofSeconds(1)))) {
            WireClient talker = fixture.join("talker");
            fixture.track(WireClient.connectNeverReading(fixture.address)).helloBlind("stuck");
            talker.await(ServerMessage.Joined.class, j -> j.nick().equals("stuck"));
            // About 1 MB: enough to fill the stuck member's buffers, far below the 8 MiB cap.
            for (int i = 0; i < 5000; i++) {
                talker.send(new ClientMessage.Say(i + " " + PADDING));
            }
            long start = System.nanoTime();
            ServerMessage.Left left = talker.await(ServerMessage.Left.class, l -> true);
            assertEquals(LeaveReason.SEND_QUEUE.wireName(), left.reason());
            System.out.printf("[stuck timeout] dropped %d ms after the last line was sent%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }

    private static void check(ServerMessage.Chat chat, Map<String, Integer> expectedNext) {
        String[] parts = chat.text().split(" ");
        int seq = Integer.parseInt(parts[1]);
        int expected = expectedNext.getOrDefault(parts[0], 0);
        assertEquals(expected, seq, "line from " + parts[0] + " out of order or lost");
        expectedNext.put(parts[0], seq + 1);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
