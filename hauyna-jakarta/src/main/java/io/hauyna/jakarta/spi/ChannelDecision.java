package io.hauyna.jakarta.spi;

import java.util.Objects;

/**
 * A {@link ChannelAuthorizer}'s answer.
 *
 * @param allowed whether the request may proceed
 * @param reason  for a refusal, what the client is told (it becomes the {@code message} of a
 *                {@code forbidden} error, so say what would be allowed); empty when allowed
 * @since 0.1
 */
public record ChannelDecision(boolean allowed, String reason) {

    private static final ChannelDecision ALLOW = new ChannelDecision(true, "");

    public ChannelDecision {
        Objects.requireNonNull(reason, "reason");
    }

    /** @return a decision that lets the request proceed */
    public static ChannelDecision allow() {
        return ALLOW;
    }

    /**
     * @param reason what the client is told, e.g. "Only alice may join notifications:alice"
     * @return a refusal
     */
    public static ChannelDecision deny(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A refusal needs a reason the client can act on");
        }
        return new ChannelDecision(false, reason);
    }
}
