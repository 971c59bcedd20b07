package dev.lanchat.bench.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads another process's resources: CPU time used, its resident set size from {@code /proc/PID/status} (Linux),
 * and, for a JVM, its Java heap through the JDK's {@code jcmd PID GC.heap_info}. Stateless and thread-safe; the heap reading runs a
 * process and takes about a second.
 */
public final class ProcessProbe {

    private static final Pattern RSS = Pattern.compile("^VmRSS:\\s+(\\d+)\\s+kB", Pattern.MULTILINE);
    private static final Pattern USED = Pattern.compile("used (\\d+)([KMG])");
    private static final Pattern COMMITTED = Pattern.compile("(?:total|capacity) (\\d+)([KMG])");
    private static final long JCMD_TIMEOUT_SECONDS = 30;

    private ProcessProbe() {
    }

    /** CPU time (user and system) a process has used so far, if the system says. */
    public static Optional<Duration> cpuTime(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration());
    }

    /** Resident set size in KiB, from {@code /proc/PID/status}. */
    public static Reading rss(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            Matcher match = RSS.matcher(Files.readString(status, StandardCharsets.UTF_8));
            if (match.find()) {
                return Reading.of(Long.parseLong(match.group(1)), "VmRSS in " + status);
            }
            return Reading.failed("no VmRSS line in " + status);
        } catch (IOException e) {
            return Reading.failed("cannot read " + status + ": " + e.getMessage());
        }
    }

    /**
     * Java heap in use, in KiB, summed over the heap's spaces as {@code jcmd PID GC.heap_info} prints them
     * (Metaspace excluded). With {@code collectFirst}, runs {@code jcmd PID GC.run} (a full collection) first, so the
     * figure is the heap that is live rather than whatever garbage has not been collected yet.
     */
    public static Reading heapUsed(long pid, boolean collectFirst) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return Reading.failed("no jcmd at " + jcmd + " (a JRE without the JDK tools?)");
        }
        try {
            if (collectFirst) {
                run(List.of(jcmd.toString(), Long.toString(pid), "GC.run"));
            }
            String info = run(List.of(jcmd.toString(), Long.toString(pid), "GC.heap_info"));
            long used = 0;
            long committed = 0;
            boolean found = false;
            for (String line : info.split("\n")) {
                String trimmed = line.trim();
                if (trimmed.startsWith("Metaspace") || trimmed.startsWith("class space")) {
                    continue;
                }
                Matcher usedMatch = USED.matcher(trimmed);
                if (usedMatch.find()) {
                    used += kib(usedMatch);
                    found = true;
                    Matcher committedMatch = COMMITTED.matcher(trimmed);
                    if (committedMatch.find()) {
                        committed += kib(committedMatch);
                    }
                }
            }
            if (!found) {
                return Reading.failed("jcmd GC.heap_info printed no heap figures: " + info.strip());
            }
            String how = (collectFirst ? "jcmd GC.run, then " : "") + "jcmd GC.heap_info (committed "
                    + committed / 1024 + " MiB)";
            return Reading.of(used, how);
        } catch (IOException e) {
            return Reading.failed(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reading.failed("interrupted");
        }
    }

    private static long kib(Matcher match) {
        long value = Long.parseLong(match.group(1));
        switch (match.group(2).toUpperCase(Locale.ROOT)) {
            case "G":
                return value * 1024 * 1024;
            case "M":
                return value * 1024;
            default:
                return value;
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + JCMD_TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (status " + process.exitValue() + "): "
                    + output.strip());
        }
        return output;
    }

    /**
     * A memory figure in KiB and how it was obtained, or why it could not be.
     *
     * @param kib    the figure, or -1 when it could not be read
     * @param source how it was read, or why it could not be
     */
    public record Reading(long kib, String source) {

        static Reading of(long kib, String source) {
            return new Reading(kib, source);
        }

        static Reading failed(String why) {
            return new Reading(-1, why);
        }

        public boolean ok() {
            return kib >= 0;
        }
    }
}
