package dev.lanchat.server.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.ProtocolException;
import dev.lanchat.protocol.ServerMessage;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServerPipelineTest {

    private final PipelineFixture fixture = new PipelineFixture();

    @AfterEach
    void releaseEverything() {
        fixture.closeAll();
    }

    @Test
    void helloIsAnsweredWithAWelcome() throws ProtocolException {
        EmbeddedChannel channel = fixture.connect();
        fixture.send(channel, new ClientMessage.Hello(1, "ada", "test"));
        ServerMessage.Welcome welcome = assertInstanceOf(ServerMessage.Welcome.class, fixture.received(channel).get(0));
        assertEquals("ada", welcome.nick());
        assertEquals(PipelineFixture.MAX_FRAME, welcome.maxFrameBytes());
        assertTrue(channel.isActive());
    }

    @Test
    void firstMessageMustBeAHello() throws ProtocolException {
        EmbeddedChannel channel = fixture.connect();
        fixture.send(channel, new ClientMessage.Say("hi"));
        assertError(ErrorCode.BAD_HANDSHAKE, "the first message must be a hello, not 'say'",
                fixture.received(channel));
        assertFalse(channel.isActive());
    }

    @Test
    void anHttpRequestIsRefusedOnItsFirstBytes() throws ProtocolException {
        EmbeddedChannel channel = fixture.connect();
        fixture.sendBytes(channel, "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertError(ErrorCode.FRAME_TOO_LONG, "frame of 1195725856 bytes exceeds the limit of 512 bytes",
                fixture.received(channel));
        assertFalse(channel.isActive());
        assertEquals(0, fixture.hub.memberCount());
    }

    @Test
    void aFrameOverTheHandshakeLimitIsRefusedBeforeTheWelcome() throws ProtocolException {
        EmbeddedChannel channel = fixture.connect();
        fixture.sendText(channel, "{\"type\":\"hello\",\"v\":1,\"nick\":\"" + "a".repeat(600) + "\"}");
        assertEquals(ErrorCode.FRAME_TOO_LONG.wireName(),
                ((ServerMessage.Error) fixture.received(channel).get(0)).code());
        assertFalse(channel.isActive());
    }

    @Test
    void afterTheWelcomeTheFullLimitApplies() throws ProtocolException {
        EmbeddedChannel ada = fixture.join("ada");
        String text = "x".repeat(800); // over the handshake limit, under the full one
        fixture.send(ada, new ClientMessage.Say(text));
        assertEquals(text, ((ServerMessage.Chat) fixture.received(ada).get(0)).text());
    }

    @Test
    void aFrameOverTheFullLimitIsRefusedAndTheMemberLeavesWithAProtocolError() throws ProtocolException {
        EmbeddedChannel ada = fixture.join("ada");
        EmbeddedChannel bob = fixture.join("bob");
        fixture.received(ada);
        fixture.send(bob, new ClientMessage.Say("y".repeat(PipelineFixture.MAX_FRAME)));
        assertError(ErrorCode.FRAME_TOO_LONG, "exceeds the limit of 1024 bytes", fixture.received(bob));
        assertFalse(bob.isActive());
        List<ServerMessage> seen = fixture.received(ada);
        ServerMessage.Left left = assertInstanceOf(ServerMessage.Left.class, seen.get(seen.size() - 1));
        assertEquals(LeaveReason.ERROR.wireName(), left.reason());
    }

    @Test
    void invalidUtf8IsRefusedAndNothingReachesTheRoom() throws ProtocolException {
        EmbeddedChannel ada = fixture.join("ada");
        EmbeddedChannel bob = fixture.join("bob");
        fixture.received(ada);
        byte[] payload = "{\"type\":\"say\",\"text\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        payload[payload.length - 3] = (byte) 0xC3; // 'é' cut to its lead byte before a quote: malformed
        payload[payload.length - 2] = (byte) '"';
        fixture.sendBytes(bob, PipelineFixture.frame(payload));
        assertError(ErrorCode.BAD_UTF8, "not valid UTF-8", fixture.received(bob));
        assertTrue(fixture.received(ada).stream().noneMatch(m -> m instanceof ServerMessage.Chat));
    }

    @Test
    void malformedJsonIsRefusedWithBadMessage() throws ProtocolException {
        EmbeddedChannel ada = fixture.join("ada");
        fixture.sendText(ada, "{\"type\":\"say\",\"text\":");
        assertError(ErrorCode.BAD_MESSAGE, "malformed JSON", fixture.received(ada));
        assertFalse(ada.isActive());
    }

    @Test
    void anUnknownMessageTypeIsRefusedButTheConnectionStays() throws ProtocolException {
        EmbeddedChannel ada = fixture.join("ada");
        fixture.sendText(ada, "{\"type\":\"hologram\",\"shape\":\"cube\"}");
        assertError(ErrorCode.UNKNOWN_TYPE, "unknown message type 'hologram'", fixture.received(ada));
        assertTrue(ada.isActive());
        fixture.send(ada, new ClientMessage.Say("still here"));
        assertEquals("still here", ((ServerMessage.Chat) fixture.received(ada).get(0)).text());
    }

    @Test
    void aSecondHelloIsAProtocolViolation() throws ProtocolException {
        EmbeddedChannel ada = fixture.join("ada");
        fixture.send(ada, new ClientMessage.Hello(1, "again", ""));
        assertError(ErrorCode.BAD_HANDSHAKE, "already joined", fixture.received(ada));
        assertFalse(ada.isActive());
    }

    @Test
    void pingIsAnsweredWithItsToken() throws ProtocolException {
        EmbeddedChannel ada = fixture.join("ada");
        fixture.send(ada, new ClientMessage.Ping("abc"));
        assertEquals(List.of(new ServerMessage.Pong("abc")), fixture.received(ada));
    }

    @Test
    void framesSentBehindTheHelloAreHandledAfterTheWelcome() throws ProtocolException {
        EmbeddedChannel channel = fixture.connect();
        byte[] hello = PipelineFixture.frame(
                "{\"type\":\"hello\",\"v\":1,\"nick\":\"eager\"}".getBytes(StandardCharsets.UTF_8));
        byte[] say = PipelineFixture.frame("{\"type\":\"say\",\"text\":\"first!\"}".getBytes(StandardCharsets.UTF_8));
        byte[] both = new byte[hello.length + say.length];
        System.arraycopy(hello, 0, both, 0, hello.length);
        System.arraycopy(say, 0, both, hello.length, say.length);
        fixture.sendBytes(channel, both);
        List<ServerMessage> received = fixture.received(channel);
        assertInstanceOf(ServerMessage.Welcome.class, received.get(0));
        assertEquals("first!", ((ServerMessage.Chat) received.get(1)).text());
    }

    @Test
    void aTakenNickLeavesTheConnectionOpenForAnotherTry() throws ProtocolException {
        fixture.join("ada");
        EmbeddedChannel channel = fixture.connect();
        fixture.send(channel, new ClientMessage.Hello(1, "Ada", ""));
        assertError(ErrorCode.NICK_TAKEN, "taken", fixture.received(channel));
        assertTrue(channel.isActive());
        fixture.send(channel, new ClientMessage.Hello(1, "ada2", ""));
        assertInstanceOf(ServerMessage.Welcome.class, fixture.received(channel).get(0));
    }

    @Test
    void aBroadcastReachesEveryMemberOnEveryLoop() throws ProtocolException {
        EmbeddedChannel ada = fixture.join("ada");
        EmbeddedChannel bob = fixture.join("bob");
        EmbeddedChannel cy = fixture.join("cy");
        fixture.received(ada);
        fixture.received(bob);
        fixture.send(cy, new ClientMessage.Say("hello all"));
        for (EmbeddedChannel member : List.of(ada, bob, cy)) {
            List<ServerMessage> received = fixture.received(member);
            assertEquals(1, received.size(), received.toString());
            assertEquals("hello all", ((ServerMessage.Chat) received.get(0)).text());
        }
    }

    @Test
    void closingTheSocketAnnouncesTheMemberAsLost() throws ProtocolException {
        EmbeddedChannel ada = fixture.join("ada");
        EmbeddedChannel bob = fixture.join("bob");
        fixture.received(ada);
        bob.close();
        fixture.settle();
        ServerMessage.Left left = assertInstanceOf(ServerMessage.Left.class, fixture.received(ada).get(0));
        assertEquals(List.of("bob"), left.nicks());
        assertEquals(LeaveReason.LOST.wireName(), left.reason());
    }

    private static void assertError(ErrorCode code, String fragment, List<ServerMessage> received) {
        assertFalse(received.isEmpty(), "nothing was sent");
        ServerMessage.Error error = assertInstanceOf(ServerMessage.Error.class, received.get(0));
        assertEquals(code.wireName(), error.code());
        assertTrue(error.text().contains(fragment), error.text());
    }
}
