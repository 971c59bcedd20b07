package dev.lanchat.server.netty;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.MessageCodec;
import dev.lanchat.protocol.ProtocolException;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.server.room.ChatHub;
import dev.lanchat.server.room.HistoryStore;
import dev.lanchat.server.room.HubSettings;
import dev.lanchat.server.room.Moderation;
import dev.lanchat.server.room.ResumeTokens;
import dev.lanchat.server.room.Scheduler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/**
 * The server's real pipeline on embedded channels, around one real hub whose chat thread is the test thread: bytes
 * go in, and the frames the server writes come out as messages.
 */
final class PipelineFixture {

    static final int MAX_FRAME = 1024;

    final Queue<Runnable> deferred = new ArrayDeque<>();
    final ChannelGroup everyone = new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE);
    final DeliveryBacklog backlog = new DeliveryBacklog();
    final Moderation moderation = new Moderation(Clock.systemUTC(), null);
    final ChatHub hub = new ChatHub(HubSettings.of("test", "", "lobby", MAX_FRAME).withResumeGrace(Duration.ZERO),
            Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC),
            room -> new ShardedAudience(ByteBufAllocator.DEFAULT, backlog), new Scheduler() {
                @Override
                public void execute(Runnable task) {
                    deferred.add(task);
                }

                @Override
                public Cancellable schedule(Duration delay, Runnable task) {
                    throw new AssertionError("no delayed task expected with a resume grace of zero");
                }
            }, HistoryStore.inMemory(), new ResumeTokens(new byte[32]), moderation);
    final OffenceLog offences = new OffenceLog();
    final ServerContext context;
    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private final Map<EmbeddedChannel, MockTicker> clocks = new IdentityHashMap<>();

    PipelineFixture() {
        this(ConnectionLimits.DEFAULTS.withMaxFrameBytes(MAX_FRAME), null);
    }

    PipelineFixture(ConnectionLimits limits, String password) {
        context = new ServerContext(hub, Runnable::run, limits, offences, new Admissions(limits),
                new PasswordGate(password), everyone, null, new ErrorHandler(offences), backlog, moderation);
    }

    /** A new connection through {@link ChatServerInitializer}, with the chat thread's work done inline. */
    EmbeddedChannel connect() {
        // Each channel has a clock of its own that only advance() moves: timers never fire by real time passing.
        MockTicker ticker = Ticker.newMockTicker();
        EmbeddedChannel channel = EmbeddedChannel.builder().handlers(new ChatServerInitializer(context))
                .ticker(ticker).build();
        clocks.put(channel, ticker);
        channels.add(channel);
        return channel;
    }

    /** Moves {@code channel}'s clock on by {@code time} and runs the timers that became due. */
    void advance(EmbeddedChannel channel, Duration time) {
        clocks.get(channel).advance(time.toNanos(), TimeUnit.NANOSECONDS);
        channel.runPendingTasks();
    }

    /** Connects and completes the handshake; the welcome is read and discarded. */
    EmbeddedChannel join(String nick) throws ProtocolException {
        EmbeddedChannel channel = connect();
        send(channel, new ClientMessage.Hello(1, nick, "test"));
        ServerMessage first = received(channel).get(0);
        if (!(first instanceof ServerMessage.Welcome)) {
            throw new AssertionError(nick + " was not welcomed: " + first);
        }
        return channel;
    }

    void send(EmbeddedChannel channel, ClientMessage message) {
        sendText(channel, MessageCodec.encode(message));
    }

    void sendText(EmbeddedChannel channel, String text) {
        sendBytes(channel, frame(text.getBytes(StandardCharsets.UTF_8)));
    }

    void sendBytes(EmbeddedChannel channel, byte[] bytes) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        settle();
    }

    /** Runs every task queued on every channel's loop and on the hub, until nothing is left. */
    void settle() {
        boolean work = true;
        while (work) {
            work = false;
            for (Runnable task; (task = deferred.poll()) != null; ) {
                task.run();
                work = true;
            }
            for (EmbeddedChannel channel : channels) {
                channel.runPendingTasks();
            }
            work |= !deferred.isEmpty();
        }
    }

    /** Everything the server wrote to {@code channel} since the last call, decoded. */
    List<ServerMessage> received(EmbeddedChannel channel) throws ProtocolException {
        settle();
        ByteBuf all = Unpooled.buffer();
        for (Object out; (out = channel.readOutbound()) != null; ) {
            ByteBuf buf = (ByteBuf) out;
            all.writeBytes(buf);
            buf.release();
        }
        List<ServerMessage> messages = new ArrayList<>();
        try {
            while (all.readableBytes() >= 4) {
                int length = all.readInt();
                messages.add(MessageCodec.decodeServerMessage(all.readCharSequence(length, StandardCharsets.UTF_8)
                        .toString()));
            }
            if (all.isReadable()) {
                throw new AssertionError("a partial frame was written: " + all.readableBytes() + " bytes left");
            }
        } finally {
            all.release();
        }
        return messages;
    }

    /** Closes every channel and releases whatever they still hold; returns whether anything unread was left. */
    void closeAll() {
        for (EmbeddedChannel channel : channels) {
            channel.finishAndReleaseAll();
        }
        settle();
    }

    static byte[] frame(byte[] payload) {
        ByteBuf buf = Unpooled.buffer(4 + payload.length).writeInt(payload.length).writeBytes(payload);
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        buf.release();
        return bytes;
    }
}
