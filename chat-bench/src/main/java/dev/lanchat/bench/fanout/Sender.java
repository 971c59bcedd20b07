package dev.lanchat.bench.fanout;

import dev.lanchat.bench.net.BenchClient;
import dev.lanchat.protocol.ClientMessage;
import java.util.concurrent.TimeUnit;

/**
 * The sending half of a sender member. Closed loop: it starts with {@code window} lines and sends the next each time
 * its own echo comes back, which is how it learns a line was broadcast (the server sends every line to every member,
 * the sender included). Fixed rate: a {@link RatePacer} says how many lines are due, and a timer on the client's
 * event loop sends them, stamped with their intended times. Either way it stops at the end of the measured part.
 *
 * <p>Not thread-safe: confined to the client's event loop once started.
 */
final class Sender {

    private final int index;
    private final BenchClient client;
    private final int textBytes;
    private final int window;
    private final double perSecond;
    private final Runnable tick = this::tick;
    private Timeline timeline;
    private RatePacer pacer;
    private long sent;
    private long sentMeasured;
    private int inFlight;
    private boolean stopped;
    private boolean unflushed;

    /**
     * @param perSecond this sender's rate, or 0 for a closed loop of {@code window} lines in flight
     */
    Sender(int index, BenchClient client, int textBytes, int window, double perSecond) {
        this.index = index;
        this.client = client;
        this.textBytes = textBytes;
        this.window = window;
        this.perSecond = perSecond;
    }

    int index() {
        return index;
    }

    BenchClient client() {
        return client;
    }

    /** Starts sending; call on the client's event loop at {@code firstDue}, the pacer's start for a fixed rate. */
    void start(Timeline phases, long firstDue) {
        timeline = phases;
        if (perSecond == 0) {
            long now = BenchClock.now();
            while (inFlight < window && now < timeline.measureEnd()) {
                send(now);
            }
            client.flush();
        } else {
            pacer = new RatePacer(perSecond, firstDue, timeline.measureEnd());
            tick();
        }
    }

    /** Its own line came back: in a closed loop, one more may be sent. */
    void onEcho() {
        inFlight--;
        if (perSecond != 0 || stopped) {
            return;
        }
        long now = BenchClock.now();
        if (now < timeline.measureEnd()) {
            send(now);
            unflushed = true;
        }
    }

    /** The end of a read: flush what echoes made it send, in one write. */
    void onReadComplete() {
        if (unflushed) {
            unflushed = false;
            client.flush();
        }
    }

    /** Stops sending and returns how many lines were sent. */
    long stop() {
        stopped = true;
        return sent;
    }

    /** Lines sent (or, at a fixed rate, due) in the measured part. */
    long sentMeasured() {
        return sentMeasured;
    }

    private void tick() {
        if (stopped) {
            return;
        }
        long due = pacer.dueBy(BenchClock.now());
        if (sent < due) {
            while (sent < due) {
                send(pacer.intendedTime(sent));
            }
            client.flush();
        }
        if (sent < pacer.total()) {
            long wait = pacer.intendedTime(sent) - BenchClock.now();
            client.eventLoop().schedule(tick, Math.max(0, wait), TimeUnit.NANOSECONDS);
        }
    }

    private void send(long stamp) {
        client.write(new ClientMessage.Say(ChatLine.text(index, sent, stamp, textBytes)));
        if (timeline.measured(stamp)) {
            sentMeasured++;
        }
        sent++;
        inFlight++;
    }
}
