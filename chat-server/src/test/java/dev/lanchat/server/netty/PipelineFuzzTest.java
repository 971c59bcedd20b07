package dev.lanchat.server.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.MessageCodec;
import dev.lanchat.protocol.ProtocolException;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.testing.LeakDetectionExtension;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Throws random bytes and random message sequences at the server's real pipeline and hub. Whatever arrives, no
 * exception escapes the pipeline or is treated as a bug, everything the server writes is well-formed, no buffer
 * leaks, and the room stays consistent: its members are exactly the open connections that were welcomed.
 */
class PipelineFuzzTest {

    private static final List<String> NICKS = List.of("ada", "ADA", "bob", "b0b", "ｂｏｂ", "x y", "", "\u001b[1m",
            "a".repeat(30), "zoë");
    private static final List<String> COMMANDS = List.of("msg", "me", "nick", "who", "help", "quit", "teleport", "");

    @Property(tries = 300)
    void arbitraryBytesNeverEscapeThePipeline(@ForAll("chunks") List<byte[]> chunks, @ForAll boolean joinFirst)
            throws ProtocolException {
        PipelineFixture fixture = new PipelineFixture();
        EmbeddedChannel observer = fixture.join("observer");
        EmbeddedChannel fuzzed = joinFirst ? fixture.join("fuzzed") : fixture.connect();
        for (byte[] chunk : chunks) {
            if (fuzzed.isActive()) {
                fixture.sendBytes(fuzzed, chunk); // throws if an exception reaches the end of the pipeline
            }
        }
        // Every frame the server wrote must decode; the random bytes may themselves have made a hello.
        boolean welcomed = joinFirst || fixture.received(fuzzed).stream().anyMatch(m -> m instanceof ServerMessage.Welcome);
        fixture.received(observer);
        assertEquals(0, fixture.context.errors().unexpected(), "an input was handled as a bug");
        assertEquals(fuzzed.isActive() && welcomed ? 2 : 1, fixture.hub.memberCount());
        fixture.closeAll();
        assertEquals(0, fixture.hub.memberCount());
    }

    @Property(tries = 200)
    void randomMessageSequencesKeepTheRoomConsistent(@ForAll("sessions") List<Step> steps) throws ProtocolException {
        PipelineFixture fixture = new PipelineFixture();
        List<EmbeddedChannel> channels = new ArrayList<>(List.of(fixture.connect(), fixture.connect(),
                fixture.connect()));
        boolean[] welcomed = new boolean[channels.size()];
        for (Step step : steps) {
            EmbeddedChannel channel = channels.get(step.client());
            if (step.reconnect()) {
                channel.close();
                fixture.settle();
                channel = fixture.connect();
                channels.set(step.client(), channel);
                welcomed[step.client()] = false;
            } else if (channel.isActive()) {
                fixture.sendBytes(channel, step.bytes());
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

    @AfterContainer
    static void nothingLeaked() throws InterruptedException {
        List<String> leaks = LeakDetectionExtension.collectLeaks();
        assertEquals(List.of(), leaks, "buffers leaked under fuzzing");
    }

    /** One thing one of three clients does: send some bytes, or drop its connection and open a new one. */
    record Step(int client, byte[] bytes, boolean reconnect) {
    }

    @Provide
    Arbitrary<List<byte[]>> chunks() {
        return Arbitraries.oneOf(randomBytes(), frames(anyText()), frames(messages()), hugeLengths())
                .list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Step>> sessions() {
        Arbitrary<byte[]> bytes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, frames(messages())),
                net.jqwik.api.Tuple.of(1, frames(anyText())),
                net.jqwik.api.Tuple.of(1, randomBytes()));
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 2), bytes,
                Arbitraries.integers().between(0, 12).map(n -> n == 0)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    private static Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    }

    private static Arbitrary<byte[]> hugeLengths() {
        return Arbitraries.integers().between(600, Integer.MAX_VALUE)
                .map(n -> ByteBuffer.allocate(5).putInt(n).put((byte) '{').array());
    }

    private static Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(60);
    }

    private static Arbitrary<String> messages() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().alpha().numeric().withChars(' ', '\n', '\t').ofMaxLength(40));
        Arbitrary<String> nick = Arbitraries.of(NICKS);
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(-1, 3), nick, Arbitraries.of("", "pw"))
                        .as((v, n, p) -> MessageCodec.encode(new ClientMessage.Hello(v, n, "fuzz", p))),
                text.map(t -> MessageCodec.encode(new ClientMessage.Say(t))),
                Combinators.combine(Arbitraries.of(COMMANDS), Arbitraries.oneOf(nick, text))
                        .as((c, a) -> MessageCodec.encode(new ClientMessage.Command(c, a))),
                text.map(t -> MessageCodec.encode(new ClientMessage.Ping(t))),
                text.map(t -> MessageCodec.encode(new ClientMessage.Pong(t))),
                Arbitraries.of("{\"type\":\"say\"}", "{\"type\":\"wave\"}", "{}", "[]", "{\"type\":\"say\",\"text\":1}",
                        "{\"type\":\"hello\",\"v\":1,\"nick\":\"dup\",\"nick\":\"dup\"}"));
    }

    private static Arbitrary<byte[]> frames(Arbitrary<String> payloads) {
        return payloads.map(text -> {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
        });
    }
}
