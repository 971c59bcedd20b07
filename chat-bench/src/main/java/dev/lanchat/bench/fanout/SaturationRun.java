package dev.lanchat.bench.fanout;

import dev.lanchat.bench.net.ClientFleet;
import dev.lanchat.bench.net.JoinException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches for the highest fixed rate the server sustains: doubles the rate while each step keeps up, then bisects
 * between the last rate that kept up and the first that did not (see {@link SaturationPlan}). Each step is a fresh
 * {@link FanoutRun} with members of its own, so that one step's backlog cannot spill into the next. A step that
 * misses is tried once more before it counts as missed. A step that duplicates or reorders lines ends the search,
 * since its figures would mean nothing.
 *
 * <p>Call {@link #run} from one thread; it blocks for the whole search.
 */
public final class SaturationRun {

    private static final Logger log = LoggerFactory.getLogger(SaturationRun.class);

    private final ClientFleet fleet;
    private final InetSocketAddress server;
    private final SaturationPlan plan;
    private final String tag;
    private final OptionalLong serverPid;

    public SaturationRun(ClientFleet fleet, InetSocketAddress server, SaturationPlan plan, String tag,
                         OptionalLong serverPid) {
        this.fleet = fleet;
        this.server = server;
        this.plan = plan;
        this.tag = tag;
        this.serverPid = serverPid;
    }

    public SaturationResult run() throws JoinException, InterruptedException {
        List<SaturationResult.Step> steps = new ArrayList<>();
        SaturationResult.Step best = null;
        int failedRate = 0;
        int rate = plan.startRate();
        while (true) {
            SaturationResult.Step step = step(rate, steps);
            if (step.result().corrupt()) {
                return new SaturationResult(plan, steps, best, false);
            }
            if (!step.keptUp()) {
                failedRate = rate;
                break;
            }
            best = step;
            if (rate >= plan.maxRate()) {
                return new SaturationResult(plan, steps, best, true);
            }
            rate = (int) Math.min((long) rate * 2, plan.maxRate());
        }
        int low = best == null ? 0 : best.rate();
        for (int i = 0; i < plan.refineSteps(); i++) {
            int middle = low + (failedRate - low) / 2;
            // Finer than 5% of the rate is below what run-to-run noise on a shared machine allows to tell apart.
            if (middle <= low || failedRate - middle < failedRate / 20) {
                break;
            }
            SaturationResult.Step step = step(middle, steps);
            if (step.result().corrupt()) {
                break;
            }
            if (step.keptUp()) {
                best = step;
                low = middle;
            } else {
                failedRate = middle;
            }
        }
        return new SaturationResult(plan, steps, best, false);
    }

    /**
     * Runs a step at {@code rate}; one that does not keep up (but lost nothing for good) is run once more, since on a
     * shared machine one hiccup (a collection, a recompilation, another process) should not end the search. Both
     * runs are listed.
     */
    private SaturationResult.Step step(int rate, List<SaturationResult.Step> steps)
            throws JoinException, InterruptedException {
        SaturationResult.Step first = attempt(rate, steps);
        if (first.keptUp() || first.result().corrupt()) {
            return first;
        }
        steps.set(steps.size() - 1, new SaturationResult.Step(first.result(), false, first.verdict() + "; again"));
        log.info("saturation: trying {} lines/s once more", rate);
        return attempt(rate, steps);
    }

    private SaturationResult.Step attempt(int rate, List<SaturationResult.Step> steps)
            throws JoinException, InterruptedException {
        FanoutResult result = new FanoutRun(fleet, server, plan.step().withRate(rate), tag + steps.size(), serverPid)
                .run();
        String verdict = verdict(result);
        SaturationResult.Step step = new SaturationResult.Step(result, verdict.equals("ok"), verdict);
        log.info("saturation: {} lines/s -> {} deliveries/s, p99 {} ms: {}", rate,
                Math.round(result.deliveriesPerSecond()), String.format("%.3f", result.latency().p99() / 1e6),
                verdict);
        steps.add(step);
        return step;
    }

    private String verdict(FanoutResult result) {
        if (result.corrupt()) {
            return "broken: " + (result.problem() != null ? result.problem() : "duplicated, reordered or lost lines");
        }
        if (result.account().lost() > 0) {
            return "backlog: not all delivered in " + result.plan().drain().toSeconds() + " s";
        }
        if (result.deliveriesPerSecond() < SaturationPlan.KEPT_UP_SHARE * result.offeredDeliveriesPerSecond()) {
            return "fell behind the offered rate";
        }
        if (result.latency().p99() > plan.p99Limit().toNanos()) {
            return "p99 over " + plan.p99Limit().toMillis() + " ms";
        }
        return "ok";
    }
}
