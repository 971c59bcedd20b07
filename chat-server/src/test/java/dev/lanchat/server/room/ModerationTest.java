package dev.lanchat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.ServerMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's kicks, bans and mutes, and members' away marks, as the hub enforces and announces them. */
class ModerationTest {

    private final HubFixture fixture = new HubFixture();
    private final ChatHub hub = fixture.hub;

    @Test
    void aKickedMemberIsClosedWithTheReasonAndTheRoomIsToldWhy() throws RuleViolation {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");

        assertEquals("bob was removed.", hub.kick("BOB", "spamming"));

        ServerMessage.Bye bye = bob.closedWith();
        assertNotNull(bye, "bob's connection was closed");
        assertEquals(LeaveReason.KICKED.wireName(), bye.reason());
        assertTrue(bye.text().contains("spamming"), bye.text());
        fixture.drain();
        ServerMessage.Left left = ada.received(ServerMessage.Left.class).get(0);
        assertEquals(List.of("bob"), left.nicks());
        assertEquals(LeaveReason.KICKED.wireName(), left.reason());
        assertEquals("spamming", left.message());
        assertEquals(1, hub.memberCount());
        hub.disconnected(bob, LeaveReason.LOST); // the transport reports the close it was asked for: no second leave
        fixture.drain();
        assertEquals(1, ada.received(ServerMessage.Left.class).size());
    }

    @Test
    void aKickedMemberDoesNotKeepItsPlaceForAResume() throws RuleViolation {
        HubFixture withGrace = new HubFixture(HubSettings.of("test", "", "lobby", Protocol.DEFAULT_MAX_FRAME_BYTES),
                HistoryStore.inMemory());
        FakeConnection ada = withGrace.join("ada");
        withGrace.join("bob");
        withGrace.hub.kick("bob", "");

        assertEquals(1, withGrace.hub.memberCount());
        withGrace.hub.command(ada, "who", "");
        assertEquals(List.of("ada"), ((ServerMessage.Members) ada.last()).members().stream()
                .map(m -> m.nick()).toList());
        assertInstanceOf(HelloOutcome.Welcomed.class, withGrace.hello(new FakeConnection("bob-again"), "bob"),
                "the nickname is free at once");
    }

    @Test
    void kickingSomeoneWhoIsNotThereIsRefused() {
        RuleViolation refused = assertThrows(RuleViolation.class, () -> hub.kick("ghost", ""));
        assertEquals(ErrorCode.NO_SUCH_NICK, refused.code());
    }

    @Test
    void aBanRemovesEveryoneFromTheAddressAndHoldsUntilLifted() throws RuleViolation {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = new FakeConnection("bob", "10.9.9.9");
        FakeConnection bobsTwin = new FakeConnection("bob2", "10.9.9.9");
        fixture.hello(bob, "bob");
        fixture.hello(bobsTwin, "bob2");

        String said = hub.ban("bob", null, "");

        assertTrue(said.startsWith("Banned 10.9.9.9 (bob) until lifted; removed 2 member(s)"), said);
        assertEquals(LeaveReason.KICKED.wireName(), bob.closedWith().reason());
        assertEquals(LeaveReason.KICKED.wireName(), bobsTwin.closedWith().reason());
        assertEquals(1, hub.memberCount());
        fixture.drain();
        assertEquals(2, ada.received(ServerMessage.Left.class).stream().mapToInt(l -> l.nicks().size()).sum());
        assertNotNull(fixture.moderation.banOf("10.9.9.9"), "the transport refuses the address from now on");
        assertEquals(List.of("10.9.9.9"), hub.bans().stream().map(Moderation.Ban::address).toList());

        assertTrue(hub.unban("bob").startsWith("Lifted the ban on 10.9.9.9"));
        assertNull(fixture.moderation.banOf("10.9.9.9"));
        assertThrows(RuleViolation.class, () -> hub.unban("bob"));
    }

    @Test
    void anAddressWithNoOneOnItCanBeBannedAheadAndWrittenInAnyForm() throws RuleViolation {
        hub.ban("::0001", Duration.ofHours(2), "");
        assertNotNull(fixture.moderation.banOf("0:0:0:0:0:0:0:1"), "the address is kept in its canonical form");
        RuleViolation notAnAddress = assertThrows(RuleViolation.class, () -> hub.ban("someone.example", null, ""));
        assertEquals(ErrorCode.NO_SUCH_NICK, notAnAddress.code());
    }

    @Test
    void aMutedMemberCannotSpeakEvenAfterReconnectingUntilUnmuted() throws RuleViolation {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = new FakeConnection("bob", "10.7.7.7");
        fixture.hello(bob, "bob");

        hub.mute("bob", Duration.ofMinutes(10));
        assertTrue(((ServerMessage.Notice) ada.last()).text().contains("bob is muted by the operator for 10 min"));
        hub.say(bob, "can you hear me");
        hub.command(bob, "me", "waves");
        hub.command(bob, "msg", "ada psst");
        hub.command(bob, "topic", "free speech");
        List<ServerMessage.Error> errors = bob.received(ServerMessage.Error.class);
        assertEquals(4, errors.size());
        errors.forEach(e -> assertEquals(ErrorCode.MUTED.wireName(), e.code()));
        assertTrue(errors.get(0).text().contains("10 min more"), errors.get(0).text());
        assertTrue(ada.received(ServerMessage.Chat.class).isEmpty());
        assertTrue(ada.received(ServerMessage.PrivateChat.class).isEmpty());

        hub.disconnected(bob, LeaveReason.QUIT);
        FakeConnection bobAgain = new FakeConnection("bob-again", "10.7.7.7");
        fixture.hello(bobAgain, "bobby");
        hub.say(bobAgain, "new name, same voice?");
        assertEquals(ErrorCode.MUTED.wireName(), ((ServerMessage.Error) bobAgain.last()).code());

        hub.unmute("bobby");
        hub.say(bobAgain, "thanks");
        assertEquals("thanks", ((ServerMessage.Chat) ada.last()).text());
        assertThrows(RuleViolation.class, () -> hub.unmute("bobby"), "not muted any more");
    }

    @Test
    void awayIsShownInWhoAndToWhoeverWritesPrivatelyUntilBack() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");

        hub.command(bob, "away", "at lunch");
        assertTrue(((ServerMessage.Notice) bob.last()).text().startsWith("You are marked away: at lunch"));
        hub.command(ada, "who", "");
        var bobInfo = ((ServerMessage.Members) ada.last()).members().get(1);
        assertEquals("away", bobInfo.status());
        assertEquals("at lunch", bobInfo.away());

        hub.command(ada, "msg", "bob are you there?");
        assertEquals("are you there?", bob.received(ServerMessage.PrivateChat.class).get(0).text());
        assertEquals("bob is away: at lunch", ((ServerMessage.Notice) ada.last()).text());
        assertEquals("away", hub.members().get(1).status());

        hub.command(bob, "back", "");
        assertEquals("Welcome back.", ((ServerMessage.Notice) bob.last()).text());
        hub.command(ada, "msg", "bob welcome back");
        assertInstanceOf(ServerMessage.PrivateChat.class, ada.last(), "no away notice once back");
        hub.command(ada, "who", "");
        assertEquals("", ((ServerMessage.Members) ada.last()).members().get(1).status());
    }

    @Test
    void anAwayMessageIsOneLine() {
        FakeConnection ada = fixture.join("ada");
        hub.command(ada, "away", "gone\nfishing");
        assertEquals(ErrorCode.BAD_ARGUMENTS.wireName(), ((ServerMessage.Error) ada.last()).code());
    }

    @Test
    void anAnnouncementReachesEveryRoomAndTheOperatorSetsTopics() throws RuleViolation {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");
        hub.command(bob, "join", "games");

        assertEquals("Sent to 2 connected member(s).", hub.announce("back in five"));
        assertEquals("Announcement from the server: back in five", ((ServerMessage.Notice) ada.last()).text());
        assertEquals("Announcement from the server: back in five", ((ServerMessage.Notice) bob.last()).text());

        hub.setTopic("games", "finals at 8");
        ServerMessage.TopicChanged topic = (ServerMessage.TopicChanged) bob.last();
        assertEquals("finals at 8", topic.topic());
        assertEquals("the operator", topic.by());
        assertThrows(RuleViolation.class, () -> hub.setTopic("nowhere", "x"));
        assertEquals(List.of("lobby", "games"), hub.roomList().stream().map(r -> r.name()).toList());
    }

    @Test
    void bansAreKeptInTheDataDirectoryAndExpire(@TempDir Path dir) {
        MutableClock clock = new MutableClock(HubFixture.NOW);
        Path file = dir.resolve("bans.tsv");
        Moderation first = new Moderation(clock, file);
        first.ban("10.1.1.1", "eve", Duration.ofMinutes(30));
        first.ban("10.2.2.2", "", null);

        Moderation afterRestart = new Moderation(clock, file);
        assertEquals("eve", afterRestart.banOf("10.1.1.1").nick());
        assertNotNull(afterRestart.banOf("10.2.2.2"));

        clock.advance(Duration.ofMinutes(30));
        assertNull(afterRestart.banOf("10.1.1.1"), "a ban for a duration ends");
        assertEquals(List.of("10.2.2.2"), new Moderation(clock, file).bans().stream()
                .map(Moderation.Ban::address).toList(), "and is gone from the file too");
        assertNotNull(new Moderation(clock, file).unban("10.2.2.2"), "unbanning works after a restart");
        assertTrue(new Moderation(clock, file).bans().isEmpty());
    }

    @Test
    void aMuteEnds() {
        MutableClock clock = new MutableClock(HubFixture.NOW);
        Moderation moderation = new Moderation(clock, null);
        Instant until = moderation.mute("10.3.3.3", Duration.ofSeconds(90));
        assertEquals(until, moderation.mutedUntil("10.3.3.3"));
        clock.advance(Duration.ofSeconds(90));
        assertNull(moderation.mutedUntil("10.3.3.3"));
    }

    /** A clock a test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
