package io.hauyna.jakarta.internal.connection;

/**
 * One connection's inbound token bucket: {@code burst} tokens, refilled at {@code perSecond}. Counts
 * refusals in a row so that a client that ignores {@code rate_limited} can be closed.
 */
public final class RateLimit {

    /** What a frame gets. */
    enum Verdict { ACCEPT, REFUSE, CLOSE }

    private final double perNano;
    private final int burst;
    private double tokens;
    private long refilledAt = System.nanoTime();
    private int refusedInARow;

    public RateLimit(int perSecond, int burst) {
        this.perNano = perSecond / 1_000_000_000.0;
        this.burst = burst;
        this.tokens = burst;
    }

    synchronized Verdict admit() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            refusedInARow = 0;
            return Verdict.ACCEPT;
        }
        refusedInARow++;
        return refusedInARow > burst ? Verdict.CLOSE : Verdict.REFUSE;
    }
}
