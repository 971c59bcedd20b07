package dev.lanchat.bench.fanout;

import java.util.List;

/**
 * The steps of a saturation search in the order run, and the best one: the highest rate at which the server kept
 * up, or {@code null} if it kept up at none. Immutable.
 *
 * @param plan     what was run
 * @param steps    every step, in order
 * @param best     the highest rate that kept up, or {@code null}
 * @param ceiling  true if the search stopped at the plan's maximum rate still keeping up
 */
public record SaturationResult(SaturationPlan plan, List<Step> steps, Step best, boolean ceiling) {

    public SaturationResult {
        steps = List.copyOf(steps);
    }

    /** Nothing in any step was duplicated, reordered or lost in the middle of a stream, and no member was cut off. */
    public boolean intact() {
        return steps.stream().noneMatch(step -> step.result().corrupt());
    }

    /**
     * One step of the search.
     *
     * @param keptUp  whether the server kept up at this rate
     * @param verdict a word or two on why it did not, or {@code "ok"}
     */
    public record Step(FanoutResult result, boolean keptUp, String verdict) {

        public int rate() {
            return result.plan().rate();
        }
    }
}
