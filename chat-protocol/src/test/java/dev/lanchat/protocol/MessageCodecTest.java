package dev.lanchat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ServerMessage.CommandInfo;
import dev.lanchat.protocol.ServerMessage.MemberInfo;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCodecTest {

    private static final Instant T = Instant.parse("2026-11-22T10:15:30.123Z");

    static Stream<ClientMessage> clientMessages() {
        return Stream.of(
                new ClientMessage.Hello(1, "ada", "lanchat-client/0.1.0"),
                new ClientMessage.Hello(1, "ada", "c", "secret", new ClientMessage.Resume("tok", "games", 41)),
                new ClientMessage.Say("hello \"world\"\nsecond line\twith tab, émoji 👋"),
                new ClientMessage.Command("msg", "bob psst"),
                new ClientMessage.Command("who", ""),
                new ClientMessage.Ping("t1"),
                new ClientMessage.Pong("t2"));
    }

    static Stream<ServerMessage> serverMessages() {
        return Stream.of(
                new ServerMessage.Welcome(1, "ada", "lobby", "", "lab", "be nice",
                        List.of(new MemberInfo("ada", T), new MemberInfo("bob", T.plusSeconds(5), "reconnecting")),
                        List.of(new CommandInfo("msg", "NICK TEXT", "Send a private message")), 16384, "tok", false),
                new ServerMessage.Welcome(1, "ada", "games", "Friday night", "lab", "", List.of(), List.of(), 2048,
                        "tok", true),
                new ServerMessage.Chat("lobby", 7, "ada", T, "hi\nthere", false),
                new ServerMessage.Chat("lobby", "ada", T, "waves", true),
                new ServerMessage.History("lobby", List.of(new ServerMessage.Chat("lobby", 1, "ada", T, "first", false),
                        new ServerMessage.Chat("lobby", 2, "bob", T, "waves", true)), false, true),
                new ServerMessage.History("games", List.of(), true, false),
                new ServerMessage.Entered("games", "Friday night", List.of(new MemberInfo("ada", T))),
                new ServerMessage.Rooms(List.of(new ServerMessage.RoomInfo("lobby", 3, ""),
                        new ServerMessage.RoomInfo("games", 1, "Friday night"))),
                new ServerMessage.TopicChanged("games", "Friday night", "ada", T),
                new ServerMessage.Joined("lobby", "bob", T, true),
                new ServerMessage.PrivateChat("ada", "bob", T, "psst"),
                new ServerMessage.Joined("lobby", "bob", T),
                new ServerMessage.Left("lobby", List.of("bob", "cy"), LeaveReason.LOST, "", T),
                new ServerMessage.Left("lobby", List.of("bob"), LeaveReason.QUIT, "see you", T),
                new ServerMessage.NickChanged("bob", "bobby", T),
                new ServerMessage.Members("lobby", List.of(new MemberInfo("ada", T),
                        new MemberInfo("bob", T, "away", "at lunch"))),
                new ServerMessage.Notice("Commands:\n  /who", T),
                new ServerMessage.Error(ErrorCode.NICK_TAKEN, "the nickname 'ada' is taken"),
                new ServerMessage.Bye(LeaveReason.SHUTDOWN, "The server is shutting down"),
                new ServerMessage.Ping("p"),
                new ServerMessage.Pong("p"));
    }

    @ParameterizedTest
    @MethodSource("clientMessages")
    void clientMessageSurvivesRoundTrip(ClientMessage message) throws ProtocolException {
        String text = MessageCodec.encode(message);
        assertTrue(text.startsWith("{\"type\":\"" + MessageCodec.typeOf(message) + "\""), text);
        assertEquals(message, MessageCodec.decodeClientMessage(text));
    }

    @ParameterizedTest
    @MethodSource("serverMessages")
    void serverMessageSurvivesRoundTrip(ServerMessage message) throws ProtocolException {
        String text = MessageCodec.encode(message);
        assertTrue(text.startsWith("{\"type\":\"" + MessageCodec.typeOf(message) + "\""), text);
        assertEquals(message, MessageCodec.decodeServerMessage(text));
    }

    @Test
    void everyKindIsCoveredByTheRoundTripTests() {
        assertEquals(MessageCodec.clientTypes().size(),
                clientMessages().map(MessageCodec::typeOf).distinct().count());
        assertEquals(MessageCodec.serverTypes().size(),
                serverMessages().map(MessageCodec::typeOf).distinct().count());
    }

    @Test
    void unknownFieldsAreIgnoredSoLaterVersionsCanAddThem() throws ProtocolException {
        ClientMessage message = MessageCodec.decodeClientMessage(
                "{\"type\":\"say\",\"text\":\"hi\",\"colour\":\"red\",\"extra\":{\"nested\":[1,2]}}");
        assertEquals(new ClientMessage.Say("hi"), message);
    }

    @Test
    void fieldOrderDoesNotMatter() throws ProtocolException {
        assertEquals(new ClientMessage.Hello(1, "ada", ""),
                MessageCodec.decodeClientMessage("{\"nick\":\"ada\",\"v\":1,\"type\":\"hello\"}"));
    }

    @Test
    void optionalFieldsTakeTheirDefaults() throws ProtocolException {
        assertEquals(new ClientMessage.Command("who", ""),
                MessageCodec.decodeClientMessage("{\"type\":\"cmd\",\"name\":\"who\"}"));
        ServerMessage.Chat chat = (ServerMessage.Chat) MessageCodec.decodeServerMessage(
                "{\"type\":\"msg\",\"room\":\"r\",\"from\":\"a\",\"ts\":5,\"text\":\"x\"}");
        assertEquals(false, chat.action());
    }

    @Test
    void unknownTypeIsReportedAsSuch() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> MessageCodec.decodeClientMessage("{\"type\":\"teleport\",\"to\":\"mars\"}"));
        assertEquals(ErrorCode.UNKNOWN_TYPE, e.code());
        assertTrue(e.getMessage().contains("teleport"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "hello",
        "[1,2,3]",
        "\"just a string\"",
        "{\"type\":\"say\",\"text\":\"unterminated}",
        "{\"type\":\"say\",\"text\":\"hi\"} trailing",
        "{\"type\":\"say\",\"text\":\"hi\"}{\"type\":\"say\"}",
        "{\"text\":\"no type\"}",
        "{\"type\":42}",
        "{\"type\":\"say\"}",
        "{\"type\":\"say\",\"text\":7}",
        "{\"type\":\"say\",\"text\":null}",
        "{\"type\":\"say\",\"text\":\"a\",\"text\":\"b\"}",
        "{\"type\":\"hello\",\"v\":\"1\",\"nick\":\"ada\"}",
        "{\"type\":\"hello\",\"v\":99999999999,\"nick\":\"ada\"}",
        "{\"type\":\"hello\",\"v\":123456789012345678901234567890,\"nick\":\"ada\"}",
        "{\"type\":\"hello\",\"v\":1.5,\"nick\":\"ada\"}",
        "{\"type\":\"say\",\"text\":\"x\",\"deep\":[[[[[[[[[[[[1]]]]]]]]]]]]}",
    })
    void malformedMessageIsRefusedWithBadMessage(String text) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> MessageCodec.decodeClientMessage(text));
        assertEquals(ErrorCode.BAD_MESSAGE, e.code(), e.getMessage());
    }

    @Test
    void errorNamesTheFieldAndTheMessageType() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> MessageCodec.decodeClientMessage("{\"type\":\"cmd\",\"name\":5}"));
        assertEquals("cmd: field 'name' must be a string, found an integer", e.getMessage());
    }

    @Test
    void controlCharactersAreEscapedInTheText() {
        String text = MessageCodec.encode(new ClientMessage.Say("a\u001b[2Jb\u0000"));
        assertTrue(text.contains("\\u001B[2J") || text.contains("\\u001b[2J"), text);
        assertTrue(text.chars().noneMatch(c -> c < 0x20), text);
    }

    @Test
    void timesKeepMillisecondPrecision() throws ProtocolException {
        Instant precise = Instant.parse("2026-11-22T10:15:30.123456789Z");
        ServerMessage.Joined joined = new ServerMessage.Joined("lobby", "ada", precise);
        assertEquals(Instant.parse("2026-11-22T10:15:30.123Z"), joined.time());
        assertEquals(joined, MessageCodec.decodeServerMessage(MessageCodec.encode(joined)));
    }
}
