package dev.lanchat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.ServerMessage.MemberInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatHubTest {

    private final HubFixture fixture = new HubFixture();
    private final ChatHub hub = fixture.hub;

    @Test
    void helloWelcomesWithRoomMembersAndCommands() {
        fixture.join("ada");
        FakeConnection bob = fixture.join("bob");

        ServerMessage.Welcome welcome = assertInstanceOf(ServerMessage.Welcome.class, bob.last());
        assertEquals("bob", welcome.nick());
        assertEquals("lobby", welcome.room());
        assertEquals("test", welcome.server());
        assertEquals("welcome!", welcome.motd());
        assertEquals(List.of("ada", "bob"), welcome.members().stream().map(MemberInfo::nick).collect(Collectors.toList()));
        assertTrue(welcome.commands().stream().anyMatch(c -> c.name().equals("msg") && c.args().equals("NICK TEXT")));
        assertEquals(1, bob.received().size(), "the newcomer gets its welcome and not its own arrival");
    }

    @Test
    void arrivalIsAnnouncedToThoseAlreadyPresent() {
        FakeConnection ada = fixture.join("ada");
        fixture.join("bob");
        assertEquals(new ServerMessage.Joined("lobby", "bob", HubFixture.NOW), ada.last());
    }

    @Test
    void takenNickIsRefusedWhateverItsCaseAndTheClientMayRetry() {
        fixture.join("ada");
        FakeConnection other = new FakeConnection("other");

        HelloOutcome refused = fixture.hello(other, "ADA");
        assertEquals(ErrorCode.NICK_TAKEN, assertInstanceOf(HelloOutcome.Refused.class, refused).code());
        assertEquals(ErrorCode.NICK_TAKEN.wireName(), ((ServerMessage.Error) other.last()).code());
        assertNull(other.closedWith(), "a taken nick must not close the connection");

        assertInstanceOf(HelloOutcome.Welcomed.class, fixture.hello(other, "ada2"));
    }

    @Test
    void invalidNickIsRefusedWithTheRuleItBreaks() {
        FakeConnection connection = new FakeConnection("c");
        fixture.hello(connection, "no spaces please");
        ServerMessage.Error error = assertInstanceOf(ServerMessage.Error.class, connection.last());
        assertEquals(ErrorCode.NICK_INVALID.wireName(), error.code());
        assertTrue(error.text().contains("contains a space"), error.text());
    }

    @Test
    void unsupportedVersionIsRefused() {
        FakeConnection connection = new FakeConnection("c");
        HelloOutcome outcome = hub.hello(connection, new ClientMessage.Hello(0, "ada", ""));
        assertEquals(ErrorCode.UNSUPPORTED_VERSION, ((HelloOutcome.Refused) outcome).code());
    }

    @Test
    void newerClientIsWelcomedInTheServersVersion() {
        FakeConnection connection = new FakeConnection("c");
        hub.hello(connection, new ClientMessage.Hello(7, "ada", ""));
        assertEquals(1, ((ServerMessage.Welcome) connection.last()).version());
    }

    @Test
    void everyMemberReceivesEveryLineInOrderStampedWithSenderAndTime() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");
        ada.forget();
        bob.forget();

        hub.say(ada, "one");
        hub.say(bob, "two");
        hub.say(ada, "three");

        List<ServerMessage> expected = List.of(
                new ServerMessage.Chat("lobby", 1, "ada", HubFixture.NOW, "one", false),
                new ServerMessage.Chat("lobby", 2, "bob", HubFixture.NOW, "two", false),
                new ServerMessage.Chat("lobby", 3, "ada", HubFixture.NOW, "three", false));
        assertEquals(expected, ada.received());
        assertEquals(expected, bob.received());
    }

    @Test
    void multiLineMessageStaysOneMessageWithLineEndingsNormalised() {
        FakeConnection ada = fixture.join("ada");
        hub.say(ada, "first\r\nsecond\rthird\n\tindented");
        assertEquals("first\nsecond\nthird\n\tindented", ((ServerMessage.Chat) ada.last()).text());
    }

    @Test
    void textWithAnEscapeSequenceIsRefusedToTheSenderAlone() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");
        bob.forget();

        hub.say(ada, "look \u001b[2J");

        ServerMessage.Error error = assertInstanceOf(ServerMessage.Error.class, ada.last());
        assertEquals(ErrorCode.BAD_TEXT.wireName(), error.code());
        assertTrue(error.text().contains("U+001B at position 5"), error.text());
        assertEquals(List.of(), bob.received());
    }

    @Test
    void privateMessageReachesOnlyTargetAndSender() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");
        FakeConnection cy = fixture.join("cy");
        ada.forget();
        bob.forget();
        cy.forget();

        hub.command(ada, "msg", "BOB  meet at five");

        ServerMessage expected = new ServerMessage.PrivateChat("ada", "bob", HubFixture.NOW, "meet at five");
        assertEquals(List.of(expected), bob.received());
        assertEquals(List.of(expected), ada.received());
        assertEquals(List.of(), cy.received());
    }

    @Test
    void privateMessageToNoOneIsRefused() {
        FakeConnection ada = fixture.join("ada");
        hub.command(ada, "msg", "ghost boo");
        assertEquals(ErrorCode.NO_SUCH_NICK.wireName(), ((ServerMessage.Error) ada.last()).code());
    }

    @Test
    void meIsBroadcastAsAnAction() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");
        hub.command(ada, "me", "waves");
        assertEquals(new ServerMessage.Chat("lobby", 1, "ada", HubFixture.NOW, "waves", true), bob.last());
    }

    @Test
    void nickChangeIsAnnouncedAndFreesTheOldNick() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");

        hub.command(ada, "nick", "adele");

        ServerMessage expected = new ServerMessage.NickChanged("ada", "adele", HubFixture.NOW);
        assertEquals(expected, ada.last());
        assertEquals(expected, bob.last());
        hub.say(ada, "hi");
        assertEquals("adele", ((ServerMessage.Chat) bob.last()).from());
        fixture.join("ada");
    }

    @Test
    void nickChangeToATakenNickIsRefused() {
        FakeConnection ada = fixture.join("ada");
        fixture.join("bob");
        hub.command(ada, "nick", "Bob");
        assertEquals(ErrorCode.NICK_TAKEN.wireName(), ((ServerMessage.Error) ada.last()).code());
    }

    @Test
    void changingTheCaseOfOnesOwnNickIsAllowed() {
        FakeConnection ada = fixture.join("ada");
        hub.command(ada, "nick", "Ada");
        assertEquals(new ServerMessage.NickChanged("ada", "Ada", HubFixture.NOW), ada.last());
    }

    @Test
    void whoListsMembersInArrivalOrder() {
        FakeConnection ada = fixture.join("ada");
        fixture.join("bob");
        hub.command(ada, "who", "");
        ServerMessage.Members members = assertInstanceOf(ServerMessage.Members.class, ada.last());
        assertEquals(List.of(new MemberInfo("ada", HubFixture.NOW), new MemberInfo("bob", HubFixture.NOW)),
                members.members());
    }

    @Test
    void helpListsEveryCommandOfTheTable() {
        FakeConnection ada = fixture.join("ada");
        hub.command(ada, "HELP", "");
        String help = assertInstanceOf(ServerMessage.Notice.class, ada.last()).text();
        for (String command : List.of("/msg NICK TEXT", "/me ACTION", "/nick NEW", "/who", "/help", "/quit [REASON]")) {
            assertTrue(help.contains(command), help);
        }
    }

    @Test
    void unknownCommandIsRefusedToTheSenderAlone() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");
        bob.forget();
        hub.command(ada, "teleport", "mars");
        ServerMessage.Error error = (ServerMessage.Error) ada.last();
        assertEquals(ErrorCode.UNKNOWN_COMMAND.wireName(), error.code());
        assertEquals("unknown command /teleport; type /help for the list", error.text());
        assertEquals(List.of(), bob.received());
    }

    @ParameterizedTest(name = "/{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "msg  |           | usage: /msg NICK TEXT",
        "msg  | bob       | usage: /msg NICK TEXT",
        "me   |           | usage: /me ACTION",
        "nick |           | usage: /nick NEW",
        "nick | two words | usage: /nick NEW",
    })
    void commandWithBadArgumentsGetsItsUsage(String command, String args, String usage) {
        FakeConnection ada = fixture.join("ada");
        fixture.join("bob");
        hub.command(ada, command, args == null ? "" : args);
        ServerMessage.Error error = (ServerMessage.Error) ada.last();
        assertEquals(ErrorCode.BAD_ARGUMENTS.wireName(), error.code());
        assertEquals(usage, error.text());
    }

    @Test
    void quitAnnouncesTheReasonAndSaysGoodbye() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");

        hub.command(bob, "quit", "see you");
        fixture.drain();

        assertEquals(LeaveReason.QUIT.wireName(), bob.closedWith().reason());
        assertEquals(new ServerMessage.Left("lobby", List.of("bob"), LeaveReason.QUIT, "see you", HubFixture.NOW),
                ada.last());
        assertEquals(1, hub.memberCount());
        fixture.join("bob");
    }

    @Test
    void lostConnectionIsAnnouncedAsLost() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");

        hub.disconnected(bob, LeaveReason.LOST);
        fixture.drain();

        assertEquals(new ServerMessage.Left("lobby", List.of("bob"), LeaveReason.LOST, "", HubFixture.NOW),
                ada.last());
        assertFalse(fixture.lobby().members().contains(bob));
    }

    @Test
    void departuresTogetherAreAnnouncedInOneMessage() {
        FakeConnection ada = fixture.join("ada");
        List<FakeConnection> dropped = List.of(fixture.join("b1"), fixture.join("b2"), fixture.join("b3"));
        ada.forget();
        int before = fixture.lobby().broadcasts();

        dropped.forEach(c -> hub.disconnected(c, LeaveReason.LOST));
        fixture.drain();

        assertEquals(List.of(new ServerMessage.Left("lobby", List.of("b1", "b2", "b3"), LeaveReason.LOST, "",
                HubFixture.NOW)), ada.received());
        assertEquals(before + 1, fixture.lobby().broadcasts());
    }

    @Test
    void aPendingDepartureIsAnnouncedBeforeAnythingThatFollowsIt() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");
        ada.forget();

        hub.disconnected(bob, LeaveReason.LOST);
        fixture.join("bob"); // back before the notice went out
        fixture.drain();

        assertEquals(List.of(
                new ServerMessage.Left("lobby", List.of("bob"), LeaveReason.LOST, "", HubFixture.NOW),
                new ServerMessage.Joined("lobby", "bob", HubFixture.NOW)), ada.received());
    }

    @Test
    void disconnectOfAConnectionThatNeverJoinedIsIgnored() {
        FakeConnection ada = fixture.join("ada");
        ada.forget();
        hub.disconnected(new FakeConnection("stranger"), LeaveReason.LOST);
        fixture.drain();
        assertEquals(List.of(), ada.received());
    }

    @Test
    void shutdownSaysGoodbyeToEveryoneAndRefusesNewcomers() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");

        assertEquals(2, hub.shutdown("maintenance"));

        assertEquals(new ServerMessage.Bye(LeaveReason.SHUTDOWN, "maintenance"), ada.closedWith());
        assertEquals(new ServerMessage.Bye(LeaveReason.SHUTDOWN, "maintenance"), bob.closedWith());
        FakeConnection late = new FakeConnection("late");
        assertInstanceOf(HelloOutcome.Refused.class, fixture.hello(late, "late"));
    }

    @Test
    void requestsFromAConnectionThatIsNotAMemberAreIgnored() {
        FakeConnection ada = fixture.join("ada");
        ada.forget();
        FakeConnection stranger = new FakeConnection("stranger");
        hub.say(stranger, "hi");
        hub.command(stranger, "who", "");
        assertEquals(List.of(), ada.received());
        assertEquals(List.of(), stranger.received());
    }
}
