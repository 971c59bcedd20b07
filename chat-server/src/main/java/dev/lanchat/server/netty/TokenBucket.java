package dev.lanchat.server.netty;

/**
 * A token bucket: holds up to {@code burst} tokens and gains {@code ratePerSecond} tokens a second; taking a token
 * fails when the bucket is empty. Time is passed in as nanoseconds, so callers choose the clock (an event loop's, in
 * tests a mock one). Not thread-safe: confine it to one thread or guard it.
 */
final class TokenBucket {

    private final double nanosPerToken;
    private final double burst;
    private double tokens;
    private long lastRefill;
    private boolean started;

    TokenBucket(double ratePerSecond, int burst) {
        if (!(ratePerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive: " + ratePerSecond + ", " + burst);
        }
        this.nanosPerToken = 1_000_000_000d / ratePerSecond;
        this.burst = burst;
        this.tokens = burst;
    }

    /** Takes one token if there is one. */
    boolean tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How long until a token is available; 0 if one is now. */
    long nanosUntilToken(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * nanosPerToken);
    }

    private void refill(long nowNanos) {
        if (!started) {
            started = true;
            lastRefill = nowNanos;
            return;
        }
        long elapsed = nowNanos - lastRefill;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed / nanosPerToken);
            lastRefill = nowNanos;
        }
    }
}
