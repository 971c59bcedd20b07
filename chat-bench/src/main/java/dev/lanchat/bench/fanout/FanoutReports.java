package dev.lanchat.bench.fanout;

import dev.lanchat.bench.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns fan-out and saturation results into {@link Report}s. Stateless. */
public final class FanoutReports {

    private FanoutReports() {
    }

    public static Report fanout(FanoutResult result) {
        FanoutPlan plan = result.plan();
        Report report = new Report("lanchat bench fanout: " + offered(plan));
        room(report, plan);
        report.row("measured", Report.seconds(result.measuredSeconds()) + " after a "
                + Report.seconds(plan.warmup().toMillis() / 1000.0) + " warm-up");
        figures(report, result);
        report.put("scenario", "fanout");
        result.toJson().forEach(report::put);
        if (!result.drained()) {
            report.note("not every line arrived within the " + plan.drain().toSeconds() + " s drain limit");
        }
        if (result.problem() != null) {
            report.note(result.problem());
        }
        return report;
    }

    public static Report saturation(SaturationResult result) {
        SaturationPlan plan = result.plan();
        FanoutPlan step = plan.step();
        Report report = new Report("lanchat bench saturation: fixed rates from " + Report.count(plan.startRate())
                + " lines/s, doubling, then " + plan.refineSteps() + " refining step(s)");
        room(report, step);
        report.row("each step", Report.seconds(step.measure().toMillis() / 1000.0) + " measured after a "
                + Report.seconds(step.warmup().toMillis() / 1000.0) + " warm-up; drain limit "
                + step.drain().toSeconds() + " s");
        report.row("keeps up when", "every line arrives, deliveries >= "
                + Math.round(SaturationPlan.KEPT_UP_SHARE * 100) + "% of offered, p99 <= "
                + plan.p99Limit().toMillis() + " ms");
        SaturationResult.Step best = result.best();
        if (best == null) {
            report.row("highest sustained", "none: the server did not keep up even at the lowest rate tried");
        } else {
            report.row("highest sustained", Report.count(best.rate()) + " lines/s"
                    + (result.ceiling() ? " (the --max-rate ceiling; it may sustain more)" : ""));
            report.row("  deliveries/s", Report.perSecond(best.result().deliveriesPerSecond()));
            report.row("  latency p50/p99", Report.millis(best.result().latency().p50()) + " / "
                    + Report.millis(best.result().latency().p99()));
        }
        List<List<String>> rows = new ArrayList<>();
        List<Object> stepsJson = new ArrayList<>();
        for (SaturationResult.Step each : result.steps()) {
            FanoutResult r = each.result();
            rows.add(List.of(Report.count(each.rate()), Report.perSecond(r.messagesPerSecond()),
                    Report.perSecond(r.deliveriesPerSecond()),
                    String.format(Locale.ROOT, "%.0f%%", 100 * r.deliveriesPerSecond() / r.offeredDeliveriesPerSecond()),
                    ms(r.latency().p50()), ms(r.latency().p99()), ms(r.latency().p999()), ms(r.latency().max()),
                    Report.count(r.account().lost()), shortCores(r.benchCores()) + "/" + shortCores(r.serverCores()),
                    each.verdict()));
            stepsJson.add(r.toJson());
        }
        report.table("steps (latency in ms; cpu in cores, bench/server)", List.of("rate", "messages", "deliveries",
                "of offered", "p50", "p99", "p99.9", "max", "lost", "cpu", "verdict"), rows);
        report.put("scenario", "saturation");
        report.put("receivers", step.receivers());
        report.put("senders", step.senders());
        report.put("sizeBytes", step.textBytes());
        report.put("p99LimitMs", plan.p99Limit().toMillis());
        report.put("sustainedRate", best == null ? null : best.rate());
        report.put("sustainedDeliveriesPerSecond", best == null ? null : best.result().deliveriesPerSecond());
        report.put("sustainedLatencyMs", best == null ? null : best.result().latency().toJson());
        report.put("ceilingReached", result.ceiling());
        report.put("intact", result.intact());
        report.put("steps", stepsJson);
        for (SaturationResult.Step each : result.steps()) {
            if (each.result().corrupt()) {
                report.note("step at " + each.rate() + " lines/s: " + each.verdict());
            }
        }
        return report;
    }

    private static void room(Report report, FanoutPlan plan) {
        report.row("room", plan.members() + " members (" + plan.receivers() + " receivers, " + plan.senders()
                + " senders), " + plan.textBytes() + "-byte lines");
    }

    private static void figures(Report report, FanoutResult result) {
        FanoutPlan plan = result.plan();
        report.row("messages/s", Report.perSecond(result.messagesPerSecond()));
        report.row("deliveries/s", Report.perSecond(result.deliveriesPerSecond()) + "  (to the " + (plan.members() - 1)
                + " members other than the sender; echoes not counted)");
        LatencySummary latency = result.latency();
        report.row("latency p50", Report.millis(latency.p50()));
        report.row("latency p99", Report.millis(latency.p99()));
        report.row("latency p99.9", Report.millis(latency.p999()));
        report.row("latency max", Report.millis(latency.max()) + "  (" + Report.count(latency.count())
                + " deliveries, send to receipt, recorded at every receiver)");
        StreamTracker.Account account = result.account();
        report.row("lost", Report.count(account.lost())
                + (account.lost() > 0 ? "  (" + account.gaps() + " in gaps, " + account.undelivered()
                        + " never arrived)" : ""));
        report.row("duplicated", Report.count(account.duplicates()));
        report.row("out of order", Report.count(account.reordered()) + "  (" + Report.count(result.streams())
                + " sender-to-member streams, " + Report.count(result.sent()) + " lines, all "
                + (result.drained() ? "delivered " + String.format(Locale.ROOT, "%.2f", result.drainSeconds())
                        + " s after sending stopped" : "checked") + ")");
        report.row("cpu", "bench " + cores(result.benchCores()) + ", server " + cores(result.serverCores())
                + " of " + Runtime.getRuntime().availableProcessors() + " during the measured part");
        if (result.disconnects() > 0 || result.serverErrors() > 0) {
            report.row("failures", result.disconnects() + " disconnected, " + result.serverErrors()
                    + " server errors");
        }
    }

    private static String offered(FanoutPlan plan) {
        return plan.closedLoop()
                ? "closed loop, at most " + plan.window() + " lines in flight per sender"
                : "fixed rate, " + Report.count(plan.rate()) + " lines/s in all";
    }

    private static String cores(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f cores", value) : "n/a";
    }

    private static String shortCores(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : "-";
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }
}
