package io.hauyna.jakarta.spi;

import java.util.Objects;

/**
 * A {@link HandshakeFilter}'s answer: let the upgrade proceed, or reject it with an HTTP status.
 *
 * @param allowed whether the upgrade may proceed
 * @param status  the HTTP status of a rejection (400–499); 0 when allowed
 * @param reason  why it was rejected, sent to the client as the response body; empty when allowed
 * @since 0.1
 */
public record HandshakeDecision(boolean allowed, int status, String reason) {

    private static final HandshakeDecision PROCEED = new HandshakeDecision(true, 0, "");

    public HandshakeDecision {
        Objects.requireNonNull(reason, "reason");
        if (!allowed && (status < 400 || status > 499)) {
            throw new IllegalArgumentException("A handshake rejection needs a 4xx status, not " + status);
        }
    }

    /** @return a decision that lets the upgrade continue to the next filter */
    public static HandshakeDecision proceed() {
        return PROCEED;
    }

    /**
     * @param status a 4xx HTTP status, e.g. 401, 403 or 429
     * @param reason what the client should know, e.g. {@code "Token expired: sign in again"}; no secrets
     * @return a rejection
     */
    public static HandshakeDecision reject(int status, String reason) {
        return new HandshakeDecision(false, status, reason);
    }

    /** @return 401: the request carries no valid credentials */
    public static HandshakeDecision unauthorized(String reason) {
        return reject(401, reason);
    }

    /** @return 403: the requester is known but may not open this route */
    public static HandshakeDecision forbidden(String reason) {
        return reject(403, reason);
    }

    /** @return 429: the requester opens connections too fast */
    public static HandshakeDecision tooManyRequests(String reason) {
        return reject(429, reason);
    }
}
