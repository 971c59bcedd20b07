package dev.lanchat.bench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's limit on open files, from {@code /proc/self/limits} (Linux). A JVM cannot raise its own limit
 * without native code, but HotSpot raises the soft limit to the hard one at start-up by itself
 * ({@code -XX:+MaxFDLimit}, on by default), and the {@code ./chat} launcher raises its shell's limit before starting
 * the bench; what is left is reported with the exact command to raise it. A server the bench starts inherits the
 * same limit. Stateless and thread-safe.
 */
public final class FileLimits {

    private FileLimits() {
    }

    /**
     * The soft limit on open files, or -1 if it cannot be read (not Linux); {@link Long#MAX_VALUE} if unlimited.
     */
    public static long openFiles() {
        return read(1);
    }

    /** The hard limit on open files, as {@link #openFiles()}. */
    public static long openFilesHard() {
        return read(2);
    }

    /**
     * Why {@code needed} open files are not available, with the command that fixes it, or {@code null} if they are
     * (or the limit cannot be read).
     */
    public static String shortfall(long needed, String forWhat) {
        long soft = openFiles();
        if (soft < 0 || soft >= needed) {
            return null;
        }
        long hard = openFilesHard();
        String fix = hard >= needed
                ? "run 'ulimit -n " + needed + "' in this shell first"
                : "the hard limit is " + hard + ", so as root raise it first (e.g. 'ulimit -Hn " + needed
                        + "' in a root shell, 'prlimit --nofile=" + needed + " --pid $$', or a nofile line in "
                        + "/etc/security/limits.conf), then run 'ulimit -n " + needed + "'";
        return forWhat + " needs about " + needed + " open files, but this process may open only " + soft
                + ": " + fix;
    }

    private static long read(int column) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"), StandardCharsets.UTF_8)) {
                if (line.startsWith("Max open files")) {
                    String[] fields = line.substring("Max open files".length()).trim().split("\\s+");
                    String value = fields[column - 1];
                    return value.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(value);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
