package dev.lanchat.server.room;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.Protocol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** A hub with fake connections and audiences, a fixed clock, and deferred tasks run on demand. */
final class HubFixture {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    final Map<String, FakeAudience> audiences = new HashMap<>();
    final ManualScheduler scheduler = new ManualScheduler();
    final HistoryStore store;
    final ResumeTokens tokens = new ResumeTokens(new byte[32]);
    final Moderation moderation = new Moderation(Clock.fixed(NOW, ZoneOffset.UTC), null);
    final ChatHub hub;

    /** A hub that announces departures at once, keeping history in memory. */
    HubFixture() {
        this(HubSettings.of("test", "welcome!", "lobby", Protocol.DEFAULT_MAX_FRAME_BYTES).withResumeGrace(
                Duration.ZERO), HistoryStore.inMemory());
    }

    HubFixture(HubSettings settings, HistoryStore store) {
        this.store = store;
        hub = new ChatHub(settings, Clock.fixed(NOW, ZoneOffset.UTC),
                room -> audiences.computeIfAbsent(room, r -> new FakeAudience()), scheduler, store, tokens,
                moderation);
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
        scheduler.drain();
    }

    FakeAudience lobby() {
        return audiences.get("lobby");
    }
}
