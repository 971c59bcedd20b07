package dev.lanchat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.ServerMessage;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A member whose connection drops keeps its place, and takes it up again with its resume token. */
class ResumeTest {

    private final HubFixture fixture = new HubFixture(HubSettings.of("test", "", "lobby",
            Protocol.DEFAULT_MAX_FRAME_BYTES), HistoryStore.inMemory());
    private final ChatHub hub = fixture.hub;

    private HelloOutcome resume(FakeConnection connection, String nick, String token, String room, long after) {
        return hub.hello(connection, new ClientMessage.Hello(1, nick, "test", "",
                new ClientMessage.Resume(token, room, after)));
    }

    private static String tokenOf(FakeConnection connection) {
        return connection.received(ServerMessage.Welcome.class).get(0).resume();
    }

    @Test
    void aDroppedMemberResumesWithExactlyWhatItMissedAndTheRoomSeesOneReconnect() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");
        hub.say(ada, "seen by bob");
        long lastSeen = ((ServerMessage.Chat) bob.last()).id();
        ada.forget();

        hub.disconnected(bob, LeaveReason.LOST);
        fixture.drain();
        hub.say(ada, "missed one");
        hub.say(ada, "missed two");
        hub.command(ada, "who", "");
        assertEquals("reconnecting", ((ServerMessage.Members) ada.last()).members().get(1).status());

        FakeConnection bobAgain = new FakeConnection("bob-again");
        assertInstanceOf(HelloOutcome.Welcomed.class, resume(bobAgain, "bob", tokenOf(bob), "lobby", lastSeen));

        ServerMessage.Welcome welcome = (ServerMessage.Welcome) bobAgain.received().get(0);
        assertTrue(welcome.resumed());
        ServerMessage.History missed = (ServerMessage.History) bobAgain.received().get(1);
        assertTrue(missed.unread());
        assertEquals(List.of("missed one", "missed two"), texts(missed.messages()));
        assertTrue(ada.received(ServerMessage.Left.class).isEmpty(), "the room never saw bob leave");
        assertEquals(new ServerMessage.Joined("lobby", "bob", HubFixture.NOW, true), ada.last());

        hub.say(ada, "live again");
        assertEquals("live again", ((ServerMessage.Chat) bobAgain.last()).text());
    }

    @Test
    void aDroppedMembersNicknameIsHeldForItsToken() {
        FakeConnection bob = fixture.join("bob");
        hub.disconnected(bob, LeaveReason.LOST);
        FakeConnection impostor = new FakeConnection("impostor");
        assertEquals(ErrorCode.NICK_TAKEN, ((HelloOutcome.Refused) fixture.hello(impostor, "bob")).code());
        FakeConnection wrongToken = new FakeConnection("wrong-token");
        assertEquals(ErrorCode.NICK_TAKEN, ((HelloOutcome.Refused) resume(wrongToken, "bob", "forged", "lobby", 0))
                .code());
    }

    @Test
    void aMemberThatDoesNotComeBackLeavesAfterTheGracePeriod() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");
        ada.forget();
        hub.disconnected(bob, LeaveReason.TIMEOUT);
        fixture.scheduler.advance(HubSettings.DEFAULT_RESUME_GRACE.minusSeconds(1));
        assertEquals(List.of(), ada.received());
        fixture.scheduler.advance(java.time.Duration.ofSeconds(1));
        ServerMessage.Left left = assertInstanceOf(ServerMessage.Left.class, ada.last());
        assertEquals(LeaveReason.TIMEOUT.wireName(), left.reason());
        fixture.join("bob");
    }

    @Test
    void aNewConnectionWithTheTokenReplacesAGhost() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection ghost = fixture.join("bob");
        ada.forget();

        FakeConnection fresh = new FakeConnection("fresh");
        assertInstanceOf(HelloOutcome.Welcomed.class, resume(fresh, "bob", tokenOf(ghost), "lobby", 0));

        assertEquals(LeaveReason.REPLACED.wireName(), ghost.closedWith().reason());
        assertEquals(List.of(new ServerMessage.Joined("lobby", "bob", HubFixture.NOW, true)), ada.received());
        hub.disconnected(ghost, LeaveReason.LOST); // the ghost's close arrives late: it no longer means anything
        fixture.drain();
        hub.say(ada, "still there?");
        assertEquals("still there?", ((ServerMessage.Chat) fresh.last()).text());
        assertEquals(2, hub.connectedCount());
    }

    @Test
    void privateMessagesToADroppedMemberWaitForItsReturn() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");
        hub.disconnected(bob, LeaveReason.LOST);
        hub.command(ada, "msg", "bob ping me when back");
        FakeConnection bobAgain = new FakeConnection("bob-again");
        resume(bobAgain, "bob", tokenOf(bob), "lobby", 0);
        assertEquals("ping me when back", ((ServerMessage.PrivateChat) bobAgain.last()).text());
    }

    @Test
    void quittingIsNotADropAndIsAnnouncedAtOnce() throws Exception {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");
        hub.command(bob, "quit", "");
        fixture.drain();
        assertEquals(LeaveReason.QUIT.wireName(), ((ServerMessage.Left) ada.last()).reason());
    }

    @Test
    void afterARestartATokenThisServerIssuedComesBackAsAReconnect() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");
        hub.command(bob, "join", "games");
        hub.say(bob, "one");
        hub.say(bob, "two");
        String token = tokenOf(bob);
        hub.shutdown("restart");

        HubFixture restarted = new HubFixture(HubSettings.of("test", "", "lobby", Protocol.DEFAULT_MAX_FRAME_BYTES),
                fixture.store);
        FakeConnection adaAgain = restarted.join("ada");
        restarted.hub.command(adaAgain, "join", "games");
        adaAgain.forget();
        FakeConnection bobAgain = new FakeConnection("bob-again");
        restarted.hub.hello(bobAgain, new ClientMessage.Hello(1, "bob", "test", "",
                new ClientMessage.Resume(token, "games", 1)));

        assertEquals("games", ((ServerMessage.Welcome) bobAgain.received().get(0)).room());
        assertEquals(List.of("two"), texts(((ServerMessage.History) bobAgain.received().get(1)).messages()));
        assertEquals(new ServerMessage.Joined("games", "bob", HubFixture.NOW, true), adaAgain.last());
        assertFalse(ada.received().isEmpty());
    }

    @Test
    void aTokenThisServerDidNotIssueJoinsAsSomeoneNew() {
        FakeConnection ada = fixture.join("ada");
        ada.forget();
        FakeConnection stranger = new FakeConnection("stranger");
        resume(stranger, "eve", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "lobby", 0);
        assertEquals(new ServerMessage.Joined("lobby", "eve", HubFixture.NOW, false), ada.last());
    }

    private static List<String> texts(List<ServerMessage.Chat> messages) {
        return messages.stream().map(ServerMessage.Chat::text).collect(Collectors.toList());
    }
}
