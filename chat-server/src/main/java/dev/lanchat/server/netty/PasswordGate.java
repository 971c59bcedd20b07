package dev.lanchat.server.netty;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks a room password. Only a SHA-256 digest of it is kept, and digests are compared in constant time, so the
 * time an answer takes says nothing about how much of a guess was right. Repeated wrong guesses from one address
 * are slowed down: after {@value #FREE_ATTEMPTS} the answer waits 1 s, then 2, 4 ... up to 30 s, which makes
 * guessing hopeless without troubling a person who mistyped. Thread-safe.
 */
final class PasswordGate {

    static final int FREE_ATTEMPTS = 3;
    static final Duration MAX_DELAY = Duration.ofSeconds(30);
    /** A quiet address is forgiven after this long. */
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    /** Addresses remembered at most; the longest quiet is forgotten first. */
    static final int MAX_REMEMBERED = 4096;

    /** What to do with a hello's password. */
    enum Verdict { ALLOW, REQUIRED, WRONG }

    /** A verdict and, for a wrong password, how long to wait before answering. */
    record Check(Verdict verdict, Duration delay) {
    }

    private final byte[] digest;
    private final Map<InetAddress, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, Failures> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    private static final class Failures {
        int count;
        long lastNanos;
    }

    /** @param password the room password, or {@code null} or empty for an open room */
    PasswordGate(String password) {
        this.digest = password == null || password.isEmpty() ? null : sha256(password);
    }

    boolean required() {
        return digest != null;
    }

    Check check(InetAddress from, String given, long nowNanos) {
        if (digest == null) {
            return new Check(Verdict.ALLOW, Duration.ZERO);
        }
        if (given.isEmpty()) {
            return new Check(Verdict.REQUIRED, Duration.ZERO);
        }
        boolean right = MessageDigest.isEqual(digest, sha256(given));
        synchronized (failures) {
            Failures record = failures.get(from);
            if (record != null && nowNanos - record.lastNanos > FORGET_AFTER.toNanos()) {
                failures.remove(from);
                record = null;
            }
            if (right) {
                failures.remove(from);
                return new Check(Verdict.ALLOW, Duration.ZERO);
            }
            if (record == null) {
                record = new Failures();
                failures.put(from, record);
            }
            record.count++;
            record.lastNanos = nowNanos;
            return new Check(Verdict.WRONG, delayAfter(record.count));
        }
    }

    /** The wait before answering the {@code failures}-th wrong guess. */
    static Duration delayAfter(int failures) {
        if (failures <= FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_ATTEMPTS - 1, 5);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
