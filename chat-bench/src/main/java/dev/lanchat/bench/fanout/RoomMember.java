package dev.lanchat.bench.fanout;

import dev.lanchat.bench.net.ClientListener;
import dev.lanchat.bench.net.FrameScanner;
import dev.lanchat.protocol.ServerMessage;
import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * One member of a fan-out room, as a receiver: it checks every bench line against its sender's stream (a
 * {@link StreamTracker} per sender), and for lines from others counts the delivery and records the latency from the
 * line's send time. A sender member also hands its own echoes to its {@link Sender}; in a closed loop every member
 * also tells {@link InFlight} how far it has read, once per read.
 *
 * <p>Not thread-safe: confined to its client's event loop. It shares its latency {@link Histogram} with the other
 * members on that loop, which is safe for the same reason.
 */
final class RoomMember implements ClientListener {

    /** Latencies above this are recorded as this; a minute is far beyond anything a run lasts. */
    static final long MAX_LATENCY_NANOS = 60_000_000_000L;

    private final byte[][] senderNicks;
    private final int ownSender;
    private final StreamTracker[] streams;
    private final RunState run;
    private final ChatLine.Header header = new ChatLine.Header();
    private Sender sender;
    private Histogram latency;
    private Timeline timeline;
    private long deliveriesMeasured;
    private long foreign;
    private long unreportedArrivals;
    private final int index;
    /** Lines received from each sender, and which of those counts {@link InFlight} has yet to be told. */
    private final long[] receivedFrom;
    private final boolean[] unpublished;

    /**
     * @param senderNicks the UTF-8 nickname of every sender, by index: a line is only taken as sender {@code i}'s if
     *                    the server stamped it as from that nickname
     * @param ownSender   this member's sender index, or -1 if it only listens
     * @param index       this member's place in the room, from 0
     */
    RoomMember(byte[][] senderNicks, int ownSender, int index, RunState run) {
        this.index = index;
        this.receivedFrom = new long[senderNicks.length];
        this.unpublished = new boolean[senderNicks.length];
        this.senderNicks = senderNicks;
        this.ownSender = ownSender;
        this.run = run;
        this.streams = new StreamTracker[senderNicks.length];
        for (int i = 0; i < streams.length; i++) {
            streams[i] = new StreamTracker();
        }
    }

    void attachSender(Sender own) {
        sender = own;
    }

    Sender sender() {
        return sender;
    }

    /** Starts counting; call on the member's event loop before any line is sent. */
    void begin(Histogram sharedLatency, Timeline phases) {
        latency = sharedLatency;
        timeline = phases;
    }

    @Override
    public void onChat(FrameScanner frame) {
        byte[] bytes = frame.bytes();
        if (!ChatLine.parse(bytes, frame.textStart(), frame.textLength(), header)
                || header.sender() >= senderNicks.length
                || !Arrays.equals(bytes, frame.fromStart(), frame.fromStart() + frame.fromLength(),
                        senderNicks[header.sender()], 0, senderNicks[header.sender()].length)) {
            foreign++;
            return;
        }
        long now = BenchClock.now();
        int from = header.sender();
        if (!streams[from].record(header.seq())) {
            return;
        }
        unreportedArrivals++;
        receivedFrom[from] = header.seq() + 1;
        unpublished[from] = true;
        if (from == ownSender) {
            sender.onEcho();
            return;
        }
        if (timeline == null) {
            return;
        }
        if (timeline.measured(now)) {
            deliveriesMeasured++;
        }
        if (timeline.measured(header.sentNanos())) {
            latency.recordValue(Math.max(0, Math.min(now - header.sentNanos(), MAX_LATENCY_NANOS)));
        }
    }

    @Override
    public void onMessage(ServerMessage message) {
        if (message instanceof ServerMessage.Error) {
            ServerMessage.Error error = (ServerMessage.Error) message;
            run.serverErrors.incrementAndGet();
            run.problem("the server answered with an error: " + error.code() + " (" + error.text() + ")");
        } else if (message instanceof ServerMessage.Chat) {
            // A line the scanner could not place (escapes in it): not one of ours.
            foreign++;
        }
    }

    @Override
    public void onReadComplete() {
        // One shared update per read rather than per line: the counter is only watched while draining.
        if (unreportedArrivals > 0) {
            run.arrivals.add(unreportedArrivals);
            unreportedArrivals = 0;
        }
        InFlight inFlight = run.inFlight;
        if (inFlight != null) {
            for (int from = 0; from < unpublished.length; from++) {
                if (unpublished[from]) {
                    unpublished[from] = false;
                    inFlight.progress(index, from, receivedFrom[from]);
                }
            }
        }
        if (sender != null) {
            sender.onReadComplete();
        }
    }

    @Override
    public void onClosed(String problem) {
        if (!run.closing) {
            run.disconnects.incrementAndGet();
            run.problem("a member's connection closed during the run"
                    + (problem == null ? "" : ": " + problem));
        }
    }

    /** This member's streams once sender {@code i} has sent {@code sent[i]} lines; call on its event loop. */
    StreamTracker.Account account(long[] sent) {
        StreamTracker.Account total = StreamTracker.Account.EMPTY;
        for (int i = 0; i < streams.length; i++) {
            total = total.plus(streams[i].finish(sent[i]));
        }
        return total;
    }

    /** Deliveries of other members' lines that arrived in the measured part. */
    long deliveriesMeasured() {
        return deliveriesMeasured;
    }

    /** Lines that were not the bench's: someone else talking in the room. */
    long foreign() {
        return foreign;
    }
}
