package dev.lanchat.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.ServerMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad input over real sockets: refused with an error that names the problem, and no one else is affected. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BadInputIT {

    private ServerFixture fixture;
    private WireClient observer;

    @BeforeEach
    void start() throws Exception {
        fixture = new ServerFixture(l -> l);
        observer = fixture.join("observer");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void aTenMegabyteFrameIsRefusedFromItsLengthAndClosedWithinASecond() throws Exception {
        WireClient member = fixture.join("big");
        member.sendRaw(ByteBuffer.allocate(4 + 1024).putInt(10 * 1024 * 1024).array());
        ServerMessage.Error error = member.next(ServerMessage.Error.class);
        assertEquals(ErrorCode.FRAME_TOO_LONG.wireName(), error.code());
        assertEquals("frame of 10485760 bytes exceeds the limit of 16384 bytes", error.text());
        assertTrue(member.awaitClosed(Duration.ofSeconds(1)), "the connection was not closed within a second");
    }

    @Test
    void aLengthOfFourGigabytesBeforeTheHandshakeIsRefusedAtOnce() throws Exception {
        WireClient stranger = fixture.connect();
        stranger.sendRaw(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        ServerMessage.Error error = stranger.next(ServerMessage.Error.class);
        assertEquals("frame of 4294967295 bytes exceeds the limit of 512 bytes", error.text());
        assertTrue(stranger.awaitClosed(Duration.ofSeconds(1)));
    }

    @Test
    void randomGarbageInsteadOfAHandshakeIsRefusedAndNothingIsAnnounced() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            WireClient stranger = fixture.connect();
            byte[] garbage = new byte[1 + random.nextInt(300)];
            random.nextBytes(garbage);
            stranger.sendRaw(garbage);
            stranger.close();
        }
        WireClient http = fixture.connect();
        http.sendRaw("GET / HTTP/1.1\r\nHost: chat\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(http.next(ServerMessage.Error.class).text().contains("HTTP request"));
        observer.send(new ClientMessage.Ping("after"));
        assertEquals("after", observer.next(ServerMessage.Pong.class).token(), "the observer saw something else first");
    }

    @Test
    void invalidUtf8IsRefusedWithAnErrorAndNeverBroadcast() throws Exception {
        WireClient member = fixture.join("sloppy");
        observer.await(ServerMessage.Joined.class, j -> j.nick().equals("sloppy"));
        byte[] payload = "{\"type\":\"say\",\"text\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        payload[payload.length - 4] = (byte) 0xFF;
        member.sendRaw(ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array());
        ServerMessage.Error error = member.next(ServerMessage.Error.class);
        assertEquals(ErrorCode.BAD_UTF8.wireName(), error.code());
        ServerMessage.Left left = observer.await(ServerMessage.Left.class, l -> true);
        assertEquals("sloppy", left.nicks().get(0));
    }

    @Test
    void escapeSequencesNeverReachAnotherMember() throws Exception {
        WireClient member = fixture.join("artist");
        observer.await(ServerMessage.Joined.class, j -> j.nick().equals("artist"));
        member.send(new ClientMessage.Say("\u001b]0;owned\u0007\u001b[2J"));
        member.send(new ClientMessage.Command("me", "\u202etxet desrever"));
        assertEquals(ErrorCode.BAD_TEXT.wireName(), member.next(ServerMessage.Error.class).code());
        assertEquals(ErrorCode.BAD_TEXT.wireName(), member.next(ServerMessage.Error.class).code());
        member.send(new ClientMessage.Say("tabs\tand\nnewlines stay"));
        assertEquals("tabs\tand\nnewlines stay", observer.await(ServerMessage.Chat.class, c -> true).text());
    }

    @Test
    void connectionsOverThePerAddressLimitGetAnErrorNamingIt() throws Exception {
        for (int i = 1; i < 16; i++) {
            fixture.join("m" + i);
        }
        WireClient seventeenth = fixture.connect();
        ServerMessage.Error error = seventeenth.next(ServerMessage.Error.class);
        assertEquals(ErrorCode.SERVER_FULL.wireName(), error.code());
        assertEquals("too many connections from 127.0.0.1: 16 per address is the limit", error.text());
        assertTrue(seventeenth.awaitClosed(Duration.ofSeconds(1)));
    }
}
