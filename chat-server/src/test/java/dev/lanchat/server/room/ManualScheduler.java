package dev.lanchat.server.room;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;

/** A scheduler for tests: queued tasks run on {@link #drain}, delayed ones when {@link #advance} passes their time. */
public final class ManualScheduler implements Scheduler {

    private final Queue<Runnable> queued = new ArrayDeque<>();
    private final List<Timed> timed = new ArrayList<>();
    private long now;

    private static final class Timed {
        final long due;
        final Runnable task;
        boolean cancelled;

        Timed(long due, Runnable task) {
            this.due = due;
            this.task = task;
        }
    }

    @Override
    public void execute(Runnable task) {
        queued.add(task);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Timed entry = new Timed(now + delay.toNanos(), task);
        timed.add(entry);
        return () -> entry.cancelled = true;
    }

    /** Runs every queued task, including those queued meanwhile. */
    public void drain() {
        for (Runnable task; (task = queued.poll()) != null; ) {
            task.run();
        }
    }

    /** Moves the clock on, running each delayed task that falls due, then whatever those queued. */
    public void advance(Duration time) {
        now += time.toNanos();
        List<Timed> due = new ArrayList<>();
        for (Timed entry : timed) {
            if (entry.due <= now) {
                due.add(entry);
            }
        }
        timed.removeAll(due);
        due.sort(Comparator.comparingLong(t -> t.due));
        for (Timed entry : due) {
            if (!entry.cancelled) {
                entry.task.run();
            }
        }
        drain();
    }
}
