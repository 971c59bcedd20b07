package dev.lanchat.server.room;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.Protocol;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/** A hub with fake connections and audiences, a fixed clock, and deferred tasks run on demand. */
final class HubFixture {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    final Map<String, FakeAudience> audiences = new HashMap<>();
    final Queue<Runnable> deferred = new ArrayDeque<>();
    final ChatHub hub;

    HubFixture() {
        hub = new ChatHub(new HubSettings("test", "welcome!", "lobby", Protocol.DEFAULT_MAX_FRAME_BYTES),
                Clock.fixed(NOW, ZoneOffset.UTC), room -> audiences.computeIfAbsent(room, r -> new FakeAudience()),
                deferred::add);
    }

    /** Connects and welcomes a member; fails if the hello is refused. */
    FakeConnection join(String nick) {
        FakeConnection connection = new FakeConnection(nick);
        assertInstanceOf(HelloOutcome.Welcomed.class, hello(connection, nick));
        return connection;
    }

    HelloOutcome hello(FakeConnection connection, String nick) {
        return hub.hello(connection, new ClientMessage.Hello(Protocol.VERSION, nick, "test"));
    }

    /** Runs what the hub queued for later, as the chat thread would once it is idle. */
    void drain() {
        for (Runnable task; (task = deferred.poll()) != null; ) {
            task.run();
        }
    }

    FakeAudience lobby() {
        return audiences.get("lobby");
    }
}
