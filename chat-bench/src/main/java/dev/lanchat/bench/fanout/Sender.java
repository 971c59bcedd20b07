package dev.lanchat.bench.fanout;

import dev.lanchat.bench.net.BenchClient;
import dev.lanchat.protocol.ClientMessage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sending half of a sender member. Closed loop: it keeps {@code window} lines in flight, sending the next each
 * time its own echo comes back, which is how it learns a line was broadcast (the server sends every line to every
 * member, the sender included); and it never gets more than {@link InFlight#WINDOWS_AHEAD} windows ahead of the
 * slowest member ({@link InFlight}), so that it cannot bury a reader under more than the server will queue for one.
 * Fixed rate: a {@link RatePacer} says how many
 * lines are due, and a timer on the client's event loop sends them, stamped with their intended times. Either way it
 * stops at the end of the measured part.
 *
 * <p>Confined to the client's event loop once started, but {@link #wake} may be called from any thread.
 */
final class Sender {

    private final int index;
    private final BenchClient client;
    private final int textBytes;
    private final int window;
    private final double perSecond;
    private final InFlight lines;
    private final AtomicBoolean woken = new AtomicBoolean();
    /** Lines every member is known to have received; refreshed from {@link InFlight} only when near the bound. */
    private long slowest;
    private final Runnable tick = this::tick;
    private final Runnable sendMore = this::sendMore;
    private Timeline timeline;
    private RatePacer pacer;
    private long sent;
    private long sentMeasured;
    private int inFlight;
    private boolean stopped;
    private boolean unflushed;

    /**
     * @param perSecond this sender's rate, or 0 for a closed loop of {@code window} lines in flight
     * @param lines     the closed loop's accounting (unused at a fixed rate)
     */
    Sender(int index, BenchClient client, int textBytes, int window, double perSecond, InFlight lines) {
        this.index = index;
        this.client = client;
        this.textBytes = textBytes;
        this.window = window;
        this.perSecond = perSecond;
        this.lines = lines;
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
            fill();
            flush();
        } else {
            pacer = new RatePacer(perSecond, firstDue, timeline.measureEnd());
            tick();
        }
    }

    /** Its own line came back: in a closed loop, one more may be sent. */
    void onEcho() {
        inFlight--;
        if (perSecond == 0 && !stopped) {
            fill();
        }
    }

    /** The end of a read: flush what the echoes in it made it send, in one write. */
    void onReadComplete() {
        flush();
    }

    /** The slowest member has caught up a little; call from any thread. */
    void wake() {
        if (!woken.getAndSet(true)) {
            client.eventLoop().execute(sendMore);
        }
    }

    private void sendMore() {
        woken.set(false);
        if (perSecond == 0 && !stopped) {
            fill();
            flush();
        }
    }

    /** Sends lines until the window is full or the lead is used up; {@link #flush} writes them out. */
    private void fill() {
        long now = BenchClock.now();
        while (inFlight < window && now < timeline.measureEnd() && withinLead()) {
            send(now);
            unflushed = true;
        }
    }

    private void flush() {
        if (unflushed) {
            unflushed = false;
            client.flush();
        }
    }

    /** Whether the next line keeps it within the lead over the slowest member; if not, it will be woken. */
    private boolean withinLead() {
        if (sent < slowest + lines.lead()) {
            return true;
        }
        slowest = lines.slowest(index);
        if (sent < slowest + lines.lead()) {
            return true;
        }
        lines.await(this);
        slowest = lines.slowest(index); // progress may have come between the check and the request
        return sent < slowest + lines.lead();
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
