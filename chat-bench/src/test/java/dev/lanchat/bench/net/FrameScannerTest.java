package dev.lanchat.bench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.MessageCodec;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.ServerMessage.Chat;
import dev.lanchat.protocol.ServerMessage.CommandInfo;
import dev.lanchat.protocol.ServerMessage.MemberInfo;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast frame scanner, checked against what the real codec writes and reads. */
class FrameScannerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00.123Z");

    private final FrameScanner scanner = new FrameScanner();

    @Test
    void locatesFromAndTextOfALineTheCodecWrote() {
        Chat chat = new Chat("lobby", "b3kfs0", NOW, "0 17 123456789 xxxxxxxx", false);

        assertEquals(FrameScanner.Kind.MSG, scan(MessageCodec.encode(chat)));
        assertEquals("b3kfs0", from());
        assertEquals("0 17 123456789 xxxxxxxx", text());
    }

    @Test
    void aLineAsTheServerWritesItTakesTheFastPath() {
        for (boolean action : new boolean[] {false, true}) {
            Chat chat = new Chat("lobby", 123_456, "ada", NOW, "0 17 123456789", action);
            assertEquals(FrameScanner.Kind.MSG, scan(MessageCodec.encode(chat)));
            assertTrue(scanner.tookFastPath(), MessageCodec.encode(chat));
            assertEquals("0 17 123456789", text());
        }
        scan("{\"type\":\"msg\",\"from\":\"ada\",\"room\":\"lobby\",\"id\":1,\"ts\":1,\"text\":\"x\"}");
        assertFalse(scanner.tookFastPath(), "another field order is walked");
        assertEquals("x", text());
    }

    @Test
    void locatesFieldsOfAnActionLineWhoseExtraFieldComesLast() {
        Chat chat = new Chat("lobby", "ada", NOW, "waves", true);

        assertEquals(FrameScanner.Kind.MSG, scan(MessageCodec.encode(chat)));
        assertEquals("ada", from());
        assertEquals("waves", text());
    }

    @Test
    void locatesRawUtf8NicknamesAndText() {
        Chat chat = new Chat("lobby", "Zoë_日本", NOW, "héllo wörld ✓ 😀", false);

        assertEquals(FrameScanner.Kind.MSG, scan(MessageCodec.encode(chat)));
        assertEquals("Zoë_日本", from());
        assertEquals("héllo wörld ✓ 😀", text());
    }

    @Test
    void fieldOrderWhitespaceAndUnknownFieldsDoNotMatter() {
        String json = "\n{ \"room\":\"lobby\", \"text\" : \"a b\" ,\"extra\":{\"q\":\"}\\\"]\",\"n\":[1,{\"x\":[]}]},\t\"from\":\"x\","
                + " \"ts\" : 12 , \"flag\":true, \"none\":null, \"type\" : \"msg\" }";

        assertEquals(FrameScanner.Kind.MSG, scan(json));
        assertEquals("x", from());
        assertEquals("a b", text());
        assertEquals("msg", MessageCodec.typeOf(decode(json)));
    }

    @Test
    void readsALineLongerThanItsFirstCopy() {
        String text = "0 1 2 " + "x".repeat(8000);

        assertEquals(FrameScanner.Kind.MSG, scan(MessageCodec.encode(new Chat("lobby", "ada", NOW, text, false))));
        assertEquals(text, text());
    }

    @Test
    void findsTheTypeAfterALongFieldThatComesFirst() {
        String json = "{\"room\":\"" + "r".repeat(3000) + "\",\"from\":\"ada\",\"text\":\"hi\",\"type\":\"msg\"}";

        assertEquals(FrameScanner.Kind.MSG, scan(json));
        assertEquals("hi", text());
    }

    @Test
    void recognisesWelcomeJoinAndLeaveByTheirType() {
        ServerMessage welcome = new ServerMessage.Welcome(1, "ada", "lobby", "", "lab", "hi",
                List.of(new MemberInfo("bob", NOW)), List.of(new CommandInfo("who", "", "who is here")), 16384,
                "token", false);
        assertEquals(FrameScanner.Kind.WELCOME, scan(MessageCodec.encode(welcome)));
        assertEquals(FrameScanner.Kind.JOIN, scan(MessageCodec.encode(new ServerMessage.Joined("lobby", "ada", NOW))));
        assertEquals(FrameScanner.Kind.LEAVE, scan(MessageCodec.encode(
                new ServerMessage.Left("lobby", List.of("ada", "bob"), "lost", "", NOW))));
    }

    @Test
    void recognisesAWelcomeLargerThanWhatItCopies() {
        List<MemberInfo> members = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            members.add(new MemberInfo("member" + i, NOW));
        }
        String welcome = MessageCodec.encode(new ServerMessage.Welcome(1, "ada", "lobby", "", "lab", "", members,
                List.of(), 16384, "token", false));
        assertTrue(welcome.length() > FrameScanner.MAX_COPY, "the welcome must be larger than the copy");

        assertEquals(FrameScanner.Kind.WELCOME, scan(welcome));
    }

    static Stream<ServerMessage> otherKinds() {
        return Stream.of(
                new ServerMessage.Error("nick-taken", "the nickname 'ada' is taken"),
                new ServerMessage.Notice("commands: /who", NOW),
                new ServerMessage.Bye("shutdown", "The server is shutting down"),
                new ServerMessage.Ping("s-7"),
                new ServerMessage.Pong("42"),
                new ServerMessage.PrivateChat("ada", "bob", NOW, "psst"),
                new ServerMessage.Members("lobby", List.of(new MemberInfo("ada", NOW))),
                new ServerMessage.NickChanged("ada", "adele", NOW));
    }

    @ParameterizedTest
    @MethodSource("otherKinds")
    void leavesEveryOtherKindToTheCodec(ServerMessage message) {
        assertEquals(FrameScanner.Kind.OTHER, scan(MessageCodec.encode(message)));
    }

    @Test
    void leavesALineWithEscapesInItsTextToTheCodec() {
        String json = MessageCodec.encode(new Chat("lobby", "ada", NOW, "say \"hi\"\nthen \\ go", false));

        assertEquals(FrameScanner.Kind.OTHER, scan(json));
        assertEquals("say \"hi\"\nthen \\ go", ((Chat) decode(json)).text());
    }

    @Test
    void stillFindsTheFieldsAfterAnEscapedValueItDoesNotNeed() {
        String json = "{\"type\":\"msg\",\"room\":\"a\\\"b\",\"from\":\"ada\",\"ts\":1,\"text\":\"hi\"}";

        assertEquals(FrameScanner.Kind.MSG, scan(json));
        assertEquals("ada", from());
        assertEquals("hi", text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "}", "[]", "{}", "\"msg\"", "{\"type\":\"msg\"",
            "{\"type\":\"msg\",\"from\":\"a\"}", "{\"type\":\"msg\",\"text\":\"a\"}", "{\"type\":msg}",
            "{\"from\":\"a\",\"text\":\"b\"}", "{\"type\":\"msg\",\"from\":\"a\" \"text\":\"b\"}",
            "{\"type\":\"msg\",\"from\":\"a\",\"text\":\"b", "{\"ty\\u0070e\":\"msg\",\"from\":\"a\",\"text\":\"b\"}",
            "{\"type\":\"msg\",\"from\":7,\"text\":\"b\"}", "{\"type\":\"msg\",\"from\":\"a\",\"text\":[\"b\"]}",
            "{\"type\":\"msgs\",\"from\":\"a\",\"text\":\"b\"}"})
    void refusesWhatItCannotReadAsAMsgWithoutThrowing(String json) {
        assertEquals(FrameScanner.Kind.OTHER, scan(json));
    }

    @Test
    void agreesWithTheCodecOnRandomLines() {
        Random random = new Random(42);
        String alphabet = "abcXYZ019 _-.,:{}[]éü日😀\"\\\n\t/";
        for (int round = 0; round < 2000; round++) {
            String nick = randomText(random, "abcdefXYZ0189_-.é日", 1 + random.nextInt(24));
            String text = randomText(random, alphabet, 1 + random.nextInt(200));
            String json = MessageCodec.encode(new Chat("lobby", nick, NOW, text, random.nextBoolean()));

            FrameScanner.Kind kind = scan(json);

            Chat decoded = (Chat) decode(json);
            if (kind == FrameScanner.Kind.MSG) {
                assertEquals(decoded.from(), from(), json);
                assertEquals(decoded.text(), text(), json);
            } else {
                assertEquals(FrameScanner.Kind.OTHER, kind, json);
                assertTrue(json.indexOf('\\') >= 0, "only a line with escapes may be left to the codec: " + json);
            }
        }
    }

    @Test
    void findsTheFirstQuoteOrBackslashLikeAPlainLoopDoes() {
        Random random = new Random(7);
        byte[] alphabet = {'"', '\\', 'a', ' ', 0, 1, 0x21, 0x23, 0x5B, 0x5D, (byte) 0x80, (byte) 0xA2, (byte) 0xDC,
                (byte) 0xFF, 0x7F};
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                // Mostly bytes that are neither, so that matches land anywhere in a word, or nowhere.
                bytes[i] = random.nextInt(8) == 0 ? alphabet[random.nextInt(2)] : alphabet[2 + random.nextInt(13)];
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int to = from + random.nextInt(bytes.length - from + 1);
            int expected = -1;
            for (int i = from; i < to && expected < 0; i++) {
                if (bytes[i] == '"' || bytes[i] == '\\') {
                    expected = i;
                }
            }
            assertEquals(expected, FrameScanner.quoteOrBackslash(bytes, from, to), () -> java.util.Arrays.toString(bytes));
        }
    }

    @Test
    void aLineInTheServersLayoutWithTrailingSpaceIsStillFound() {
        String json = MessageCodec.encode(new Chat("lobby", "ada", NOW, "hi", false)) + " ";

        assertEquals(FrameScanner.Kind.MSG, scan(json));
        assertEquals("hi", text());
    }

    private FrameScanner.Kind scan(String json) {
        ByteBuf payload = Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
        try {
            int before = payload.readerIndex();
            FrameScanner.Kind kind = scanner.scan(payload);
            assertEquals(before, payload.readerIndex(), "scanning must not consume the payload");
            return kind;
        } finally {
            payload.release();
        }
    }

    private String from() {
        return new String(scanner.bytes(), scanner.fromStart(), scanner.fromLength(), StandardCharsets.UTF_8);
    }

    private String text() {
        return new String(scanner.bytes(), scanner.textStart(), scanner.textLength(), StandardCharsets.UTF_8);
    }

    private static ServerMessage decode(String json) {
        try {
            return MessageCodec.decodeServerMessage(json);
        } catch (Exception e) {
            throw new AssertionError("the codec cannot read " + json, e);
        }
    }

    private static String randomText(Random random, String alphabet, int codePoints) {
        int[] points = alphabet.codePoints().toArray();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            text.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return text.toString();
    }
}
