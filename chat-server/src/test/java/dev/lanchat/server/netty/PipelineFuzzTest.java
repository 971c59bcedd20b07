package dev.lanchat.server.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.MessageCodec;
import dev.lanchat.protocol.ProtocolException;
import dev.lanchat.protocol.ServerMessage;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Throws random bytes and random message sequences at the server's real pipeline and hub. Whatever arrives, no
 * exception escapes the pipeline or is treated as a bug, everything the server writes is well-formed, and the room
 * stays consistent: its members are exactly the open connections that were welcomed. Buffer leaks fail the class
 * (the suite's leak detector runs at PARANOID).
 *
 * <p>Each case has its own seed, named in the test's name, so a failure can be replayed exactly.
 */
class PipelineFuzzTest {

    private static final long BASE_SEED = 0x1a2c_4a75L;
    private static final List<String> NICKS = List.of("ada", "ADA", "bob", "b0b", "ｂｏｂ", "x y", "", "\u001b[1m",
            "a".repeat(30), "zoë");
    private static final List<String> COMMANDS = List.of("msg", "me", "nick", "who", "help", "quit", "join", "rooms",
            "topic", "history", "teleport", "");
    private static final List<String> ODD_PAYLOADS = List.of("{\"type\":\"say\"}", "{\"type\":\"wave\"}", "{}", "[]",
            "{\"type\":\"say\",\"text\":1}", "{\"type\":\"hello\",\"v\":1,\"nick\":\"dup\",\"nick\":\"dup\"}",
            "{\"type\":\"hello\",\"v\":1,\"nick\":\"r\",\"resume\":{\"token\":5}}", "");

    @TestFactory
    Stream<DynamicTest> arbitraryBytesNeverEscapeThePipeline() {
        return IntStream.range(0, 300).mapToObj(i -> {
            long seed = BASE_SEED + i;
            return DynamicTest.dynamicTest("seed " + seed, () -> arbitraryBytes(new Random(seed)));
        });
    }

    @TestFactory
    Stream<DynamicTest> randomMessageSequencesKeepTheRoomConsistent() {
        return IntStream.range(0, 200).mapToObj(i -> {
            long seed = BASE_SEED * 31 + i;
            return DynamicTest.dynamicTest("seed " + seed, () -> messageSequence(new Random(seed)));
        });
    }

    private static void arbitraryBytes(Random random) throws ProtocolException {
        PipelineFixture fixture = new PipelineFixture();
        boolean joinFirst = random.nextBoolean();
        EmbeddedChannel observer = fixture.join("observer");
        EmbeddedChannel fuzzed = joinFirst ? fixture.join("fuzzed") : fixture.connect();
        int chunks = random.nextInt(7);
        for (int i = 0; i < chunks && fuzzed.isActive(); i++) {
            fixture.sendBytes(fuzzed, chunk(random)); // throws if an exception reaches the end of the pipeline
        }
        // Every frame the server wrote must decode; the random bytes may themselves have made a hello.
        boolean welcomed = joinFirst
                || fixture.received(fuzzed).stream().anyMatch(m -> m instanceof ServerMessage.Welcome);
        fixture.received(observer);
        assertEquals(0, fixture.context.errors().unexpected(), "an input was handled as a bug");
        assertEquals(fuzzed.isActive() && welcomed ? 2 : 1, fixture.hub.memberCount());
        fixture.closeAll();
        assertEquals(0, fixture.hub.memberCount());
    }

    private static void messageSequence(Random random) throws ProtocolException {
        PipelineFixture fixture = new PipelineFixture();
        List<EmbeddedChannel> channels = new ArrayList<>(List.of(fixture.connect(), fixture.connect(),
                fixture.connect()));
        boolean[] welcomed = new boolean[channels.size()];
        int steps = 1 + random.nextInt(25);
        for (int step = 0; step < steps; step++) {
            int client = random.nextInt(channels.size());
            EmbeddedChannel channel = channels.get(client);
            if (random.nextInt(13) == 0) {
                channel.close();
                fixture.settle();
                channels.set(client, fixture.connect());
                welcomed[client] = false;
            } else if (channel.isActive()) {
                int kind = random.nextInt(8);
                byte[] bytes = kind < 6 ? frame(message(random)) : kind == 6 ? frame(text(random, 60)) : noise(random);
                fixture.sendBytes(channel, bytes);
            }
            for (int i = 0; i < channels.size(); i++) {
                for (ServerMessage message : fixture.received(channels.get(i))) {
                    welcomed[i] |= message instanceof ServerMessage.Welcome;
                }
            }
            int expected = 0;
            for (int i = 0; i < channels.size(); i++) {
                if (welcomed[i] && channels.get(i).isActive()) {
                    expected++;
                }
            }
            assertEquals(expected, fixture.hub.memberCount(), "members are not the welcomed open connections");
        }
        assertEquals(0, fixture.context.errors().unexpected(), "an input was handled as a bug");
        fixture.closeAll();
        assertEquals(0, fixture.hub.memberCount());
    }

    /** One read's worth of input: noise, a frame of any text, a frame of a plausible message, or a huge length. */
    private static byte[] chunk(Random random) {
        switch (random.nextInt(4)) {
            case 0:
                return noise(random);
            case 1:
                return frame(text(random, 60));
            case 2:
                return frame(message(random));
            default:
                int length = 600 + random.nextInt(Integer.MAX_VALUE - 600);
                return ByteBuffer.allocate(5).putInt(length).put((byte) '{').array();
        }
    }

    private static String message(Random random) {
        String nick = NICKS.get(random.nextInt(NICKS.size()));
        String text = random.nextBoolean() ? text(random, 40) : words(random);
        switch (random.nextInt(7)) {
            case 0:
                ClientMessage.Resume resume = random.nextBoolean() ? null
                        : new ClientMessage.Resume(text(random, 20), words(random), random.nextInt(100));
                return MessageCodec.encode(new ClientMessage.Hello(random.nextInt(5) - 1, nick, "fuzz",
                        random.nextBoolean() ? "" : "pw", resume));
            case 1:
                return MessageCodec.encode(new ClientMessage.Say(text));
            case 2:
                return MessageCodec.encode(new ClientMessage.Command(COMMANDS.get(random.nextInt(COMMANDS.size())),
                        random.nextBoolean() ? nick : text));
            case 3:
                return MessageCodec.encode(new ClientMessage.Ping(text));
            case 4:
                return MessageCodec.encode(new ClientMessage.Pong(text));
            default:
                return ODD_PAYLOADS.get(random.nextInt(ODD_PAYLOADS.size()));
        }
    }

    /** Any code points at all, controls, surrogate pairs and unassigned ones included. */
    private static String text(Random random, int maxLength) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            int cp = random.nextInt(4) == 0 ? random.nextInt(0x20) : random.nextInt(0x10FFFF);
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                cp = 'x';
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** Plausible text: letters, digits, spaces, newlines and tabs. */
    private static String words(Random random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 \n\t.-_#";
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(41);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static byte[] noise(Random random) {
        byte[] bytes = new byte[random.nextInt(201)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] frame(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array();
    }
}
