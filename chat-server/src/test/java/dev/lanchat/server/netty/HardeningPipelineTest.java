package dev.lanchat.server.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.MessageCodec;
import dev.lanchat.protocol.ProtocolException;
import dev.lanchat.protocol.ServerMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server's policies against slow, silent, flooding and guessing peers, on embedded channels with their clock. */
class HardeningPipelineTest {

    private PipelineFixture fixture = new PipelineFixture();

    @AfterEach
    void releaseEverything() {
        fixture.closeAll();
    }

    private void advance(EmbeddedChannel channel, Duration time) {
        fixture.advance(channel, time);
    }

    @Test
    void aConnectionThatSendsNoHelloIsClosedAfterTheHandshakeTimeout() throws ProtocolException {
        EmbeddedChannel silent = fixture.connect();
        advance(silent, Duration.ofSeconds(9));
        assertTrue(silent.isActive());
        advance(silent, Duration.ofSeconds(1));
        ServerMessage.Error error = assertInstanceOf(ServerMessage.Error.class, fixture.received(silent).get(0));
        assertEquals(ErrorCode.HANDSHAKE_TIMEOUT.wireName(), error.code());
        assertEquals("no hello within 10.0 s", error.text());
        assertFalse(silent.isActive());
    }

    @Test
    void theHandshakeTimeoutStopsOnceTheClientJoins() throws ProtocolException {
        EmbeddedChannel ada = fixture.join("ada");
        advance(ada, Duration.ofSeconds(30));
        assertTrue(ada.isActive());
    }

    @Test
    void aSilentMemberIsPingedAndDroppedIfItDoesNotAnswer() throws ProtocolException {
        EmbeddedChannel ada = fixture.join("ada");
        EmbeddedChannel bob = fixture.join("bob");
        fixture.received(ada);

        advance(bob, ConnectionLimits.DEFAULT_IDLE_BEFORE_PING);
        assertInstanceOf(ServerMessage.Ping.class, fixture.received(bob).get(0));
        advance(bob, ConnectionLimits.DEFAULT_PING_TIMEOUT);

        assertFalse(bob.isActive());
        fixture.settle();
        ServerMessage.Left left = assertInstanceOf(ServerMessage.Left.class, fixture.received(ada).get(0));
        assertEquals(List.of("bob"), left.nicks());
        assertEquals(LeaveReason.TIMEOUT.wireName(), left.reason());
    }

    @Test
    void aMemberThatAnswersThePingStays() throws ProtocolException {
        EmbeddedChannel ada = fixture.join("ada");
        advance(ada, ConnectionLimits.DEFAULT_IDLE_BEFORE_PING);
        ServerMessage.Ping ping = assertInstanceOf(ServerMessage.Ping.class, fixture.received(ada).get(0));
        fixture.send(ada, new ClientMessage.Pong(ping.token()));
        advance(ada, ConnectionLimits.DEFAULT_PING_TIMEOUT);
        assertTrue(ada.isActive());
    }

    @Test
    void aFlooderIsSlowedDownAndLosesNothing() throws ProtocolException {
        EmbeddedChannel ada = fixture.join("ada");
        ByteArrayOutputStream burst = new ByteArrayOutputStream();
        for (int i = 0; i < 25; i++) {
            byte[] text = MessageCodec.encode(new ClientMessage.Say("line " + i)).getBytes(StandardCharsets.UTF_8);
            burst.writeBytes(PipelineFixture.frame(text));
        }
        fixture.sendBytes(ada, burst.toByteArray());

        assertEquals(ConnectionLimits.DEFAULT_FLOOD_BURST, texts(fixture.received(ada)).size());
        assertFalse(ada.config().isAutoRead(), "the socket is not read while the sender is over its rate");

        advance(ada, Duration.ofMillis(100));
        assertEquals(List.of("line 20"), texts(fixture.received(ada)));
        advance(ada, Duration.ofMillis(400));
        assertEquals(List.of("line 21", "line 22", "line 23", "line 24"), texts(fixture.received(ada)));
        assertTrue(ada.config().isAutoRead(), "reading resumes once the backlog is through");
    }

    @Test
    void aRoomPasswordIsAskedForAndAWrongOneClosesWithoutAnnouncement() throws ProtocolException {
        fixture = new PipelineFixture(ConnectionLimits.DEFAULTS, "swordfish");
        EmbeddedChannel ada = fixture.connect();
        fixture.send(ada, new ClientMessage.Hello(1, "ada", "", "swordfish"));
        assertInstanceOf(ServerMessage.Welcome.class, fixture.received(ada).get(0));

        EmbeddedChannel eve = fixture.connect();
        fixture.send(eve, new ClientMessage.Hello(1, "eve", ""));
        assertEquals(ErrorCode.PASSWORD_REQUIRED.wireName(),
                ((ServerMessage.Error) fixture.received(eve).get(0)).code());
        assertTrue(eve.isActive(), "a missing password may be supplied on the same connection");

        fixture.send(eve, new ClientMessage.Hello(1, "eve", "", "tuna"));
        ServerMessage.Error wrong = (ServerMessage.Error) fixture.received(eve).get(0);
        assertEquals(ErrorCode.BAD_PASSWORD.wireName(), wrong.code());
        assertFalse(eve.isActive());
        assertEquals(List.of(), fixture.received(ada), "a failed login is not announced");
        assertEquals(1, fixture.hub.memberCount());
    }

    @Test
    void repeatedWrongPasswordsAreAnsweredLate() throws ProtocolException {
        fixture = new PipelineFixture(ConnectionLimits.DEFAULTS, "swordfish");
        for (int i = 0; i < PasswordGate.FREE_ATTEMPTS; i++) {
            EmbeddedChannel guess = fixture.connect();
            fixture.send(guess, new ClientMessage.Hello(1, "eve", "", "guess" + i));
            assertFalse(guess.isActive());
        }
        EmbeddedChannel slowed = fixture.connect();
        fixture.send(slowed, new ClientMessage.Hello(1, "eve", "", "guess"));
        assertTrue(slowed.isActive(), "the fourth wrong guess is not answered at once");
        assertEquals(List.of(), fixture.received(slowed));
        advance(slowed, Duration.ofSeconds(1));
        assertEquals(ErrorCode.BAD_PASSWORD.wireName(), ((ServerMessage.Error) fixture.received(slowed).get(0)).code());
        assertFalse(slowed.isActive());
    }

    @Test
    void connectionsOverThePerAddressLimitAreRefusedBeforeTheyCostAnything() throws ProtocolException {
        fixture = new PipelineFixture(ConnectionLimits.DEFAULTS.withConnections(100, 2, 100), null);
        fixture.join("ada");
        fixture.join("bob");
        EmbeddedChannel third = fixture.connect();
        ServerMessage.Error error = (ServerMessage.Error) fixture.received(third).get(0);
        assertEquals(ErrorCode.SERVER_FULL.wireName(), error.code());
        assertTrue(error.text().contains("2 per address is the limit"), error.text());
        assertFalse(third.isActive());
        assertTrue(fixture.everyone.stream().noneMatch(c -> c == third), "no server state for a refused peer");
    }

    @Test
    void aTlsHelloOnThePlainPortIsNamedInTheError() throws ProtocolException {
        EmbeddedChannel channel = fixture.connect();
        fixture.sendBytes(channel, new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00});
        ServerMessage.Error error = (ServerMessage.Error) fixture.received(channel).get(0);
        assertEquals(ErrorCode.FRAME_TOO_LONG.wireName(), error.code());
        assertTrue(error.text().contains("looks like a TLS hello"), error.text());
    }

    @Test
    void aPeerThatDoesNotReadItsErrorIsCutOffWithinASecond() {
        EmbeddedChannel channel = fixture.connect();
        // A peer that reads nothing: writes towards it never complete.
        channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                ReferenceCountUtil.release(msg);
            }
        });
        fixture.sendBytes(channel, "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(channel.isActive(), "the error is still waiting to be written");
        advance(channel, Duration.ofMillis(Refusal.LINGER_MILLIS - 1));
        assertTrue(channel.isActive());
        advance(channel, Duration.ofMillis(1));
        assertFalse(channel.isActive());
    }

    private static List<String> texts(List<ServerMessage> messages) {
        return messages.stream().filter(m -> m instanceof ServerMessage.Chat)
                .map(m -> ((ServerMessage.Chat) m).text()).collect(Collectors.toList());
    }
}
