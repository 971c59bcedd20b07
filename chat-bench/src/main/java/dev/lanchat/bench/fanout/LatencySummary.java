package dev.lanchat.bench.fanout;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The percentiles of end-to-end latency that a report shows, in nanoseconds, taken from an HdrHistogram with three
 * significant digits (so each figure is within 0.1% of the true value). Immutable.
 *
 * @param count deliveries measured
 */
public record LatencySummary(long count, long p50, long p99, long p999, long max) {

    static final LatencySummary NONE = new LatencySummary(0, 0, 0, 0, 0);

    static LatencySummary of(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return NONE;
        }
        return new LatencySummary(histogram.getTotalCount(), histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9), histogram.getMaxValue());
    }

    /** The figures in milliseconds, for the JSON line. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", count);
        json.put("p50", p50 / 1e6);
        json.put("p99", p99 / 1e6);
        json.put("p999", p999 / 1e6);
        json.put("max", max / 1e6);
        return json;
    }
}
