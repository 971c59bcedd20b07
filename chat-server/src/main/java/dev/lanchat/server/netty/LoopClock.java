package dev.lanchat.server.netty;

import io.netty.util.concurrent.AbstractScheduledEventExecutor;
import io.netty.util.concurrent.EventExecutor;

/** The time as an event loop sees it, so that tests can move an embedded channel's clock instead of waiting. */
final class LoopClock {

    private LoopClock() {
    }

    static long nanoTime(EventExecutor executor) {
        return executor instanceof AbstractScheduledEventExecutor
                ? ((AbstractScheduledEventExecutor) executor).ticker().nanoTime()
                : System.nanoTime();
    }
}
