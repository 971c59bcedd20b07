package dev.lanchat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.ServerMessage.MemberInfo;
import dev.lanchat.protocol.ServerMessage.RoomInfo;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoomsAndHistoryTest {

    private HubFixture fixture = new HubFixture();
    private ChatHub hub = fixture.hub;

    @Test
    void joinMovesToARoomCreatingItAndBothRoomsSeeTheMove() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");
        bob.forget();

        hub.command(ada, "join", "#Games");
        fixture.drain();

        ServerMessage.Entered entered = assertInstanceOf(ServerMessage.Entered.class, ada.last());
        assertEquals("Games", entered.room());
        assertEquals(List.of("ada"), nicks(entered.members()));
        ServerMessage.Left left = assertInstanceOf(ServerMessage.Left.class, bob.last());
        assertEquals(LeaveReason.PART.wireName(), left.reason());
        assertEquals("lobby", left.room());

        FakeConnection cy = fixture.join("cy");
        hub.command(cy, "join", "GAMES");
        assertEquals(new ServerMessage.Joined("Games", "cy", HubFixture.NOW), ada.last(), "look-alike names are one room");
    }

    @Test
    void aRoomsMessagesReachOnlyItsMembersButPrivateMessagesCrossRooms() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");
        hub.command(ada, "join", "games");
        bob.forget();

        hub.say(ada, "only for games");
        assertTrue(bob.received(ServerMessage.Chat.class).isEmpty());

        hub.command(ada, "msg", "bob across the hall");
        assertEquals("across the hall", ((ServerMessage.PrivateChat) bob.last()).text());
    }

    @Test
    void roomsListsTheLobbyAndEveryRoomWithMembersAndTopics() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");
        fixture.join("cy");
        hub.command(ada, "join", "games");
        hub.command(ada, "topic", "Friday night");
        hub.command(bob, "join", "empty-soon");
        hub.command(bob, "join", "lobby");

        hub.command(ada, "rooms", "");

        ServerMessage.Rooms rooms = assertInstanceOf(ServerMessage.Rooms.class, ada.last());
        assertEquals(List.of(new RoomInfo("lobby", 2, ""), new RoomInfo("games", 1, "Friday night")), rooms.rooms());
    }

    @Test
    void aTopicIsAnnouncedShownToNewcomersAndKept() {
        FakeConnection ada = fixture.join("ada");
        hub.command(ada, "join", "games");
        hub.command(ada, "topic", "Friday night");
        assertEquals(new ServerMessage.TopicChanged("games", "Friday night", "ada", HubFixture.NOW), ada.last());

        FakeConnection bob = fixture.join("bob");
        hub.command(bob, "join", "games");
        assertEquals("Friday night", bob.received(ServerMessage.Entered.class).get(0).topic());
        hub.command(bob, "topic", "");
        assertEquals("Topic of games: Friday night (set by ada)", ((ServerMessage.Notice) bob.last()).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"two words", "pаypal", "../etc", "a-name-that-is-longer-than-32-chars"})
    void aBadRoomNameIsRefusedWithTheRuleItBreaks(String name) {
        FakeConnection ada = fixture.join("ada");
        hub.command(ada, "join", name);
        ServerMessage.Error error = assertInstanceOf(ServerMessage.Error.class, ada.last());
        assertEquals(ErrorCode.BAD_ARGUMENTS.wireName(), error.code());
    }

    @Test
    void aNewcomerSeesTheRecentHistoryThenLiveMessages() {
        FakeConnection ada = fixture.join("ada");
        for (int i = 1; i <= 60; i++) {
            hub.say(ada, "line " + i);
        }
        FakeConnection bob = fixture.join("bob");
        hub.say(ada, "live");

        List<ServerMessage> seen = bob.received();
        assertInstanceOf(ServerMessage.Welcome.class, seen.get(0));
        ServerMessage.History history = assertInstanceOf(ServerMessage.History.class, seen.get(1));
        assertEquals(LongStream.rangeClosed(11, 60).boxed().collect(Collectors.toList()), ids(history.messages()));
        assertTrue(history.more());
        assertFalse(history.unread());
        assertEquals("line 11", history.messages().get(0).text());
        assertEquals(61, ((ServerMessage.Chat) seen.get(2)).id());
    }

    @Test
    void historyPagesBackwardUntilTheStart() {
        FakeConnection ada = fixture.join("ada");
        for (int i = 1; i <= 75; i++) {
            hub.say(ada, "line " + i);
        }
        FakeConnection bob = fixture.join("bob");
        hub.command(bob, "history", "20");
        ServerMessage.History first = (ServerMessage.History) bob.last();
        assertEquals(LongStream.rangeClosed(6, 25).boxed().collect(Collectors.toList()), ids(first.messages()));
        assertTrue(first.more());
        hub.command(bob, "history", "");
        ServerMessage.History last = (ServerMessage.History) bob.last();
        assertEquals(LongStream.rangeClosed(1, 5).boxed().collect(Collectors.toList()), ids(last.messages()));
        assertFalse(last.more());
        hub.command(bob, "history", "");
        assertEquals("No older messages are kept in lobby.", ((ServerMessage.Notice) bob.last()).text());
        hub.command(bob, "history", "3 40");
        assertEquals(List.of(37L, 38L, 39L), ids(((ServerMessage.History) bob.last()).messages()));
    }

    @Test
    void eachRoomNumbersItsOwnMessages() {
        FakeConnection ada = fixture.join("ada");
        FakeConnection bob = fixture.join("bob");
        hub.say(ada, "lobby one");
        hub.command(bob, "join", "games");
        hub.say(bob, "games one");
        assertEquals(1, bob.received(ServerMessage.Chat.class).get(1).id());
    }

    @Test
    void aRoomKeepsOnlyItsRetainedHistory() {
        fixture = new HubFixture(HubSettings.of("test", "", "lobby", Protocol.DEFAULT_MAX_FRAME_BYTES)
                .withResumeGrace(Duration.ZERO).withHistory(10, 30, Duration.ZERO), HistoryStore.inMemory());
        hub = fixture.hub;
        FakeConnection ada = fixture.join("ada");
        for (int i = 1; i <= 100; i++) {
            hub.say(ada, "line " + i);
        }
        FakeConnection bob = fixture.join("bob");
        hub.command(bob, "history", "200");
        ServerMessage.History older = (ServerMessage.History) bob.last();
        assertEquals(LongStream.rangeClosed(71, 90).boxed().collect(Collectors.toList()), ids(older.messages()));
        assertFalse(older.more());
        HistoryStore.Snapshot stored = fixture.store.open(Names.key("lobby"), "lobby").load();
        assertTrue(stored.messages().size() <= 60, "the store was compacted: " + stored.messages().size());
        assertEquals(100, stored.lastId());
    }

    @Test
    void historyOutlivesTheHubWhenTheStoreDoes() {
        FakeConnection ada = fixture.join("ada");
        hub.say(ada, "before the restart");
        hub.command(ada, "topic", "kept too");
        hub.shutdown("restart");

        HubFixture restarted = new HubFixture(HubSettings.of("test", "", "lobby", Protocol.DEFAULT_MAX_FRAME_BYTES),
                fixture.store);
        FakeConnection bob = restarted.join("bob");
        ServerMessage.Welcome welcome = bob.received(ServerMessage.Welcome.class).get(0);
        assertEquals("kept too", welcome.topic());
        ServerMessage.History history = bob.received(ServerMessage.History.class).get(0);
        assertEquals(List.of("before the restart"), history.messages().stream().map(ServerMessage.Chat::text)
                .collect(Collectors.toList()));
        restarted.hub.say(bob, "after");
        assertEquals(2, ((ServerMessage.Chat) bob.last()).id(), "ids go on where they stopped");
    }

    private static List<String> nicks(List<MemberInfo> members) {
        return members.stream().map(MemberInfo::nick).collect(Collectors.toList());
    }

    private static List<Long> ids(List<ServerMessage.Chat> messages) {
        return messages.stream().map(ServerMessage.Chat::id).collect(Collectors.toList());
    }
}
