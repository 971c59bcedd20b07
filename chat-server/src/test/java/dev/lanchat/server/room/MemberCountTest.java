package dev.lanchat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanchat.protocol.LeaveReason;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** The hub's member count as observers off the chat thread see it. */
class MemberCountTest {

    private final HubFixture fixture = new HubFixture();
    private final MemberCount count = fixture.hub.liveMemberCount();
    private final List<Integer> told = new ArrayList<>();

    @Test
    void followsJoinsQuitsAndLostConnections() {
        count.addListener(told::add);
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");
        fixture.join("cy");
        fixture.hub.command(ada, "quit", "");
        fixture.hub.disconnected(bob, LeaveReason.LOST);

        assertEquals(List.of(1, 2, 3, 2, 1), told);
        assertEquals(1, count.get());
        assertEquals(fixture.hub.memberCount(), count.get());
    }

    @Test
    void aRefusedHelloOrAStrangersDisconnectChangesNothing() {
        fixture.join("ada");
        count.addListener(told::add);
        fixture.hello(new FakeConnection("other"), "ADA");
        fixture.hub.disconnected(new FakeConnection("stranger"), LeaveReason.LOST);

        assertEquals(List.of(), told);
        assertEquals(1, count.get());
    }

    @Test
    void shutdownBringsItToZero() {
        fixture.join("ada");
        fixture.join("bob");
        fixture.hub.shutdown("bye");
        assertEquals(0, count.get());
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersOrTheHub() {
        count.addListener(members -> {
            throw new IllegalStateException("observer bug");
        });
        count.addListener(told::add);
        fixture.join("ada");
        assertEquals(List.of(1), told);
    }

    @Test
    void aRemovedListenerHearsNoMore() {
        IntConsumer listener = told::add;
        count.addListener(listener);
        fixture.join("ada");
        count.removeListener(listener);
        fixture.join("bob");
        assertEquals(List.of(1), told);
    }
}
