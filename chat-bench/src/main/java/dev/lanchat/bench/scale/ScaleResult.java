package dev.lanchat.bench.scale;

import dev.lanchat.bench.server.ProcessProbe.Reading;
import java.util.List;

/**
 * The figures of a scale run. Memory readings are absent ({@link Reading#ok()} false, with the reason) when the
 * server's pid is not known. Immutable.
 *
 * @param plan            what was run
 * @param sourceAddresses loopback addresses the connections came from (1: the system's choice)
 * @param joinSeconds     from the first connection attempt until the last member was welcomed
 * @param settleSeconds   from then until every join notice had reached every earlier member
 * @param settled         whether they all had within the join timeout
 * @param joinNotices     join notices received in all
 * @param rssBefore       the server's resident set size before the members joined
 * @param rssAfter        ... and with them all connected and settled
 * @param liveHeapBefore  the server's heap in use after a full collection, before the members joined
 * @param heapUsedAfter   its heap in use with them connected, as it was (garbage included)
 * @param liveHeapAfter   its heap in use with them connected, after a full collection
 * @param broadcastNanos  for each broadcast, the time from sending it until the last member had it
 * @param disconnects     members whose connection closed during the run
 * @param problem         the first thing that went wrong, or {@code null}
 */
public record ScaleResult(ScalePlan plan, int sourceAddresses, double joinSeconds, double settleSeconds,
                          boolean settled, long joinNotices, Reading rssBefore, Reading rssAfter,
                          Reading liveHeapBefore, Reading heapUsedAfter, Reading liveHeapAfter,
                          List<Long> broadcastNanos, long disconnects, String problem) {

    public ScaleResult {
        broadcastNanos = List.copyOf(broadcastNanos);
    }

    /** Members welcomed per second while the room filled. */
    public double joinsPerSecond() {
        return plan.clients() / joinSeconds;
    }

    /** Join notices the members should receive: each member hears of every one that joined after it. */
    public long expectedJoinNotices() {
        long clients = plan.clients();
        return clients * (clients - 1) / 2;
    }

    /** Every member joined, heard of every later one, received every broadcast, and none was cut off. */
    public boolean complete() {
        return settled && broadcastNanos.size() == plan.broadcasts() && disconnects == 0 && problem == null;
    }
}
