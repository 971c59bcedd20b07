package dev.lanchat.server.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/** The member count's throttle, on a fake clock: no waiting, every step decided by the test. */
class ThrottledPublisherTest {

    private static final Duration INTERVAL = Duration.ofSeconds(2);

    private record Due(long at, Runnable task) {
    }

    private long now = 1_000_000_000L;
    private final PriorityQueue<Due> scheduled = new PriorityQueue<>((a, b) -> Long.compare(a.at(), b.at()));
    private final List<Integer> published = new ArrayList<>();
    private int value;
    private boolean ready = true;

    private final ThrottledPublisher publisher = new ThrottledPublisher(INTERVAL, () -> now,
            (task, delay) -> scheduled.add(new Due(now + delay.toNanos(), task)), 0, () -> value, v -> {
                if (ready) {
                    published.add(v);
                }
                return ready;
            });

    private void change(int newValue) {
        value = newValue;
        publisher.changed();
    }

    /** Moves the clock on, running what falls due, in order. */
    private void advance(Duration by) {
        long until = now + by.toNanos();
        while (!scheduled.isEmpty() && scheduled.peek().at() <= until) {
            Due due = scheduled.poll();
            now = due.at();
            due.task().run();
        }
        now = until;
    }

    @Test
    void theFirstChangeIsPublishedAtOnce() {
        change(1);
        assertEquals(List.of(1), published);
        assertTrue(scheduled.isEmpty());
    }

    @Test
    void changesWithinTheIntervalAreFoldedIntoOnePublicationOfTheLatestValue() {
        change(1);
        advance(Duration.ofMillis(300));
        change(2);
        change(3);
        advance(Duration.ofMillis(500));
        change(4);
        assertEquals(List.of(1), published);

        advance(Duration.ofMillis(1199));
        assertEquals(List.of(1), published, "not before 2 s since the last publication");
        advance(Duration.ofMillis(1));
        assertEquals(List.of(1, 4), published);
    }

    @Test
    void aChangeAfterAQuietIntervalGoesOutAtOnce() {
        change(1);
        advance(Duration.ofSeconds(5));
        change(2);
        assertEquals(List.of(1, 2), published);
    }

    @Test
    void aChangeBackToThePublishedValuePublishesNothing() {
        change(1);
        change(2);
        change(1);
        advance(INTERVAL);
        assertEquals(List.of(1), published);
    }

    @Test
    void aPublicationThatCannotHappenYetIsRetriedUntilItCan() {
        ready = false;
        change(1);
        advance(ThrottledPublisher.RETRY.multipliedBy(3));
        assertEquals(List.of(), published);
        change(2); // folded into the retry already scheduled
        ready = true;
        advance(ThrottledPublisher.RETRY);
        assertEquals(List.of(2), published);
        assertTrue(scheduled.isEmpty());
    }
}
