package dev.lanchat.client.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.MessageCodec;
import dev.lanchat.protocol.ProtocolException;
import dev.lanchat.protocol.ServerMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's real pipeline on an embedded channel, with the channel's clock moved instead of waiting. */
class ClientPipelineTest {

    private final List<ServerMessage> received = new ArrayList<>();
    private final List<String> closedWith = new ArrayList<>();
    private final MockTicker clock = Ticker.newMockTicker();
    private final EmbeddedChannel channel = EmbeddedChannel.builder().ticker(clock).handlers(new ClientInitializer(null, "server", 7777,
            new ConnectionListener() {
                @Override
                public void onMessage(ServerMessage message) {
                    received.add(message);
                }

                @Override
                public void onClosed(String problem) {
                    closedWith.add(problem);
                }
            })).build();

    @AfterEach
    void release() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aSocketErrorIsToldInWordsAPersonCanRead() {
        assertEquals("connection reset by peer", ClientHandler.describe(
                new IOException("recvAddress(..) failed with error(-104): Connection reset by peer")));
        assertEquals("software caused connection abort", ClientHandler.describe(
                new IOException("recvAddress(..) failed with error(-103): Software caused connection abort")));
        assertEquals("connection reset", ClientHandler.describe(new IOException("Connection reset")));
    }

    @Test
    void aServerPingIsAnsweredWithoutTheListenerSeeingIt() throws ProtocolException {
        receive(new ServerMessage.Ping("p1"));
        assertEquals(new ClientMessage.Pong("p1"), sent());
        assertEquals(List.of(), received);
    }

    @Test
    void aSilentServerIsPingedAndGivenUpOnIfItStaysSilent() throws ProtocolException {
        advance(ServerWatch.SILENCE);
        assertInstanceOf(ClientMessage.Ping.class, sent());
        assertTrue(channel.isActive());
        advance(ServerWatch.TIMEOUT);
        assertFalse(channel.isActive());
        assertEquals(1, closedWith.size());
        assertTrue(closedWith.get(0).contains("the server stopped answering"), closedWith.get(0));
    }

    @Test
    void anyMessageFromTheServerCountsAsAnAnswer() throws ProtocolException {
        advance(ServerWatch.SILENCE);
        assertInstanceOf(ClientMessage.Ping.class, sent());
        receive(new ServerMessage.Pong("alive?"));
        advance(ServerWatch.TIMEOUT);
        assertTrue(channel.isActive());
        assertEquals(List.of(), received, "the pong is not shown to the user");
    }

    @Test
    void aMessageKindThisClientDoesNotKnowIsSkipped() {
        byte[] payload = "{\"type\":\"hologram\",\"shape\":\"cube\"}".getBytes(StandardCharsets.UTF_8);
        channel.writeInbound(Unpooled.buffer().writeInt(payload.length).writeBytes(payload));
        receive(new ServerMessage.Notice("still fine", Instant.EPOCH));
        assertEquals(1, received.size());
        assertTrue(channel.isActive());
    }

    private void advance(Duration time) {
        clock.advance(time.toNanos(), TimeUnit.NANOSECONDS);
        channel.runPendingTasks();
    }

    private void receive(ServerMessage message) {
        byte[] payload = MessageCodec.encode(message).getBytes(StandardCharsets.UTF_8);
        channel.writeInbound(Unpooled.buffer().writeInt(payload.length).writeBytes(payload));
    }

    /** The one message the client wrote since the last call. */
    private ClientMessage sent() throws ProtocolException {
        ByteBuf all = Unpooled.buffer();
        for (Object out; (out = channel.readOutbound()) != null; ) {
            ByteBuf buf = (ByteBuf) out;
            all.writeBytes(buf);
            buf.release();
        }
        try {
            int length = all.readInt();
            ClientMessage message = MessageCodec.decodeClientMessage(
                    all.readCharSequence(length, StandardCharsets.UTF_8).toString());
            assertEquals(0, all.readableBytes(), "more than one message was sent");
            return message;
        } finally {
            all.release();
        }
    }

    @Test
    void nothingIsSentUnprompted() {
        assertNull(channel.readOutbound());
    }
}
