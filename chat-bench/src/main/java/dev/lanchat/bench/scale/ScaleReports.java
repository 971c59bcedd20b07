package dev.lanchat.bench.scale;

import dev.lanchat.bench.report.Report;
import dev.lanchat.bench.server.ProcessProbe.Reading;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a scale result into a {@link Report}. Stateless. */
public final class ScaleReports {

    private ScaleReports() {
    }

    public static Report scale(ScaleResult result) {
        ScalePlan plan = result.plan();
        int clients = plan.clients();
        Report report = new Report("lanchat bench scale: " + Report.count(clients) + " idle members in one room");
        report.row("connections", Report.count(clients) + " from " + result.sourceAddresses()
                + " loopback address(es), " + plan.concurrency() + " handshakes at a time");
        report.row("connect+join", Report.seconds(result.joinSeconds()) + ", " + Report.perSecond(result.joinsPerSecond())
                + " (connect, hello, welcome)");
        report.row("join notices", Report.count(result.joinNotices()) + " of " + Report.count(result.expectedJoinNotices())
                + (result.settled() ? ", all delivered " : ", NOT all delivered ")
                + String.format(Locale.ROOT, "%.2f s", result.settleSeconds()) + " after the last welcome");
        report.row("server RSS", memory(result.rssAfter(), result.rssBefore(), clients));
        report.row("server heap used", result.heapUsedAfter().ok()
                ? Report.mebibytes(result.heapUsedAfter().kib()) + " (garbage included)"
                : "n/a: " + result.heapUsedAfter().source());
        report.row("server heap live", memory(result.liveHeapAfter(), result.liveHeapBefore(), clients));
        List<Long> times = result.broadcastNanos();
        List<String> each = new ArrayList<>();
        for (long took : times) {
            each.add(String.format(Locale.ROOT, "%.1f", took / 1e6));
        }
        report.row("broadcast to all", times.isEmpty() ? "n/a"
                : String.join(", ", each) + " ms (" + times.size() + " broadcast(s), one at a time, send until the "
                        + "last member had it)");
        if (result.disconnects() > 0) {
            report.row("failures", result.disconnects() + " members disconnected");
        }
        if (result.rssAfter().ok()) {
            report.note("RSS is " + result.rssAfter().source() + "; heap is " + result.heapUsedAfter().source()
                    + " and, for live, " + result.liveHeapAfter().source());
        }
        if (result.problem() != null) {
            report.note(result.problem());
        }

        report.put("scenario", "scale");
        report.put("clients", clients);
        report.put("sourceAddresses", result.sourceAddresses());
        report.put("connectConcurrency", plan.concurrency());
        report.put("joinSeconds", result.joinSeconds());
        report.put("joinsPerSecond", result.joinsPerSecond());
        report.put("settleSeconds", result.settleSeconds());
        report.put("joinNotices", result.joinNotices());
        report.put("joinNoticesExpected", result.expectedJoinNotices());
        report.put("serverRssKiB", kib(result.rssAfter()));
        report.put("serverRssBeforeKiB", kib(result.rssBefore()));
        report.put("serverHeapUsedKiB", kib(result.heapUsedAfter()));
        report.put("serverHeapLiveKiB", kib(result.liveHeapAfter()));
        report.put("serverHeapLiveBeforeKiB", kib(result.liveHeapBefore()));
        Map<String, Object> sources = new LinkedHashMap<>();
        sources.put("rss", result.rssAfter().source());
        sources.put("heapUsed", result.heapUsedAfter().source());
        sources.put("heapLive", result.liveHeapAfter().source());
        report.put("memorySources", sources);
        List<Object> millis = new ArrayList<>();
        times.forEach(took -> millis.add(took / 1e6));
        report.put("broadcastMs", millis);
        report.put("disconnects", result.disconnects());
        report.put("complete", result.complete());
        report.put("problem", result.problem());
        return report;
    }

    private static String memory(Reading after, Reading before, int clients) {
        if (!after.ok()) {
            return "n/a: " + after.source();
        }
        String text = Report.mebibytes(after.kib());
        if (before.ok()) {
            long perClient = (after.kib() - before.kib()) * 1024 / clients;
            text += " (" + Report.mebibytes(before.kib()) + " before the members joined: about "
                    + Report.count(perClient) + " bytes per member)";
        }
        return text;
    }

    private static Long kib(Reading reading) {
        return reading.ok() ? reading.kib() : null;
    }
}
