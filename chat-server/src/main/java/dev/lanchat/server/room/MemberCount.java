package dev.lanchat.server.room;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many members a {@link ChatHub} has, for observers off the chat thread (the LAN advertisement, say). The hub
 * updates it on the chat thread after each join and departure; {@link #get} may be called from any thread, and
 * listeners are told of each change on the chat thread, so a listener must return at once, handing any real work to
 * a thread of its own. Thread-safe.
 */
public final class MemberCount {

    private static final Logger log = LoggerFactory.getLogger(MemberCount.class);

    private final AtomicInteger count = new AtomicInteger();
    private final List<IntConsumer> listeners = new CopyOnWriteArrayList<>();

    /** The count after the last change the hub made. */
    public int get() {
        return count.get();
    }

    /** Calls {@code listener} with the new count after every change, on the chat thread. */
    public void addListener(IntConsumer listener) {
        listeners.add(listener);
    }

    public void removeListener(IntConsumer listener) {
        listeners.remove(listener);
    }

    /** Called by the hub on the chat thread. */
    void set(int members) {
        if (count.getAndSet(members) == members) {
            return;
        }
        for (IntConsumer listener : listeners) {
            try {
                listener.accept(members);
            } catch (RuntimeException e) {
                // An observer's failure must not disturb the chat.
                log.warn("a member count listener failed", e);
            }
        }
    }
}
