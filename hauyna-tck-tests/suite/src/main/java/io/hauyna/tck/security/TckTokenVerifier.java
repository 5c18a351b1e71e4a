package io.hauyna.tck.security;

import io.hauyna.jakarta.spi.TokenVerifier;
import io.hauyna.jakarta.spi.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/** "valid.NAME" belongs to NAME; "short.NAME" too, for two seconds; anything else is invalid. */
@ApplicationScoped
public class TckTokenVerifier implements TokenVerifier {

    @Override
    public Optional<VerifiedToken> verify(String token) {
        if (token.startsWith("valid.")) {
            return Optional.of(VerifiedToken.of(token.substring("valid.".length())));
        }
        if (token.startsWith("short.")) {
            return Optional.of(new VerifiedToken(token.substring("short.".length()), Instant.now().plusSeconds(2)));
        }
        return Optional.empty();
    }
}
