package io.hauyna.jakarta.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link TokenVerifier} learned from a valid token.
 *
 * @param identifier the connection's identifier, not blank
 * @param expiresAt  when the credential stops being valid, or {@code null} when it does not expire
 * @since 0.1
 */
public record VerifiedToken(String identifier, Instant expiresAt) {

    public VerifiedToken {
        Objects.requireNonNull(identifier, "identifier");
        if (identifier.isBlank()) {
            throw new IllegalArgumentException("A verified token needs a non-blank identifier");
        }
    }

    /** @return a token for {@code identifier} that does not expire */
    public static VerifiedToken of(String identifier) {
        return new VerifiedToken(identifier, null);
    }

    /** @return when the credential expires; empty when never */
    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }
}
