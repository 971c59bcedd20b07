package dev.lanchat.bench.fanout;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one fan-out run. Immutable.
 *
 * @param plan               what was run
 * @param measuredSeconds    length of the measured part
 * @param sent               lines sent in all, warm-up included
 * @param sentMeasured       lines sent (at a fixed rate: due) in the measured part
 * @param deliveriesMeasured lines that reached a member other than their sender during the measured part
 * @param latency            end-to-end latency of the lines sent in the measured part, at every member but the sender
 * @param account            what became of every sender-to-member stream, the sender's own echo included
 * @param disconnects        members whose connection closed during the run
 * @param serverErrors       error messages the server sent during the run
 * @param foreign            chat lines that were not the bench's
 * @param drainSeconds       time from the end of sending until every line had arrived, or the drain limit
 * @param drained            whether every line sent arrived before the drain limit
 * @param problem            the first thing that went wrong, or {@code null}
 * @param benchCores         CPU cores the bench kept busy during the measured part (CPU time over wall time)
 * @param serverCores        the same for the server, NaN if its pid is not known
 */
public record FanoutResult(FanoutPlan plan, double measuredSeconds, long sent, long sentMeasured,
                           long deliveriesMeasured, LatencySummary latency, StreamTracker.Account account,
                           long disconnects, long serverErrors, long foreign, double drainSeconds, boolean drained,
                           String problem, double benchCores, double serverCores) {

    public double messagesPerSecond() {
        return sentMeasured / measuredSeconds;
    }

    /** Deliveries to members other than the sender, per second, as they arrived in the measured part. */
    public double deliveriesPerSecond() {
        return deliveriesMeasured / measuredSeconds;
    }

    /** What a fixed rate asks for: every line to every member but its sender; NaN for a closed loop. */
    public double offeredDeliveriesPerSecond() {
        return plan.closedLoop() ? Double.NaN : (double) plan.rate() * (plan.members() - 1);
    }

    /** Streams checked: every sender to every member. */
    public long streams() {
        return (long) plan.senders() * plan.members();
    }

    /** Nothing lost, duplicated or reordered, and no member was cut off or refused. */
    public boolean intact() {
        return account.lost() == 0 && account.duplicates() == 0 && account.reordered() == 0 && disconnects == 0
                && serverErrors == 0;
    }

    /** Duplicates, reordering, gaps or failures: something a slow server alone does not explain. */
    public boolean corrupt() {
        return account.gaps() > 0 || account.duplicates() > 0 || account.reordered() > 0 || disconnects > 0
                || serverErrors > 0;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", plan.closedLoop() ? "closed-loop" : "fixed-rate");
        json.put("rate", plan.closedLoop() ? null : plan.rate());
        json.put("window", plan.closedLoop() ? plan.window() : null);
        json.put("receivers", plan.receivers());
        json.put("senders", plan.senders());
        json.put("sizeBytes", plan.textBytes());
        json.put("warmupSeconds", plan.warmup().toMillis() / 1000.0);
        json.put("measuredSeconds", measuredSeconds);
        json.put("messagesPerSecond", messagesPerSecond());
        json.put("deliveriesPerSecond", deliveriesPerSecond());
        json.put("latencyMs", latency.toJson());
        json.put("sent", sent);
        json.put("streams", streams());
        json.put("lost", account.lost());
        json.put("lostInGaps", account.gaps());
        json.put("undelivered", account.undelivered());
        json.put("duplicated", account.duplicates());
        json.put("outOfOrder", account.reordered());
        json.put("disconnects", disconnects);
        json.put("serverErrors", serverErrors);
        json.put("foreignLines", foreign);
        json.put("drainSeconds", drainSeconds);
        json.put("benchCpuCores", benchCores);
        json.put("serverCpuCores", serverCores);
        json.put("intact", intact());
        json.put("problem", problem);
        return json;
    }
}
