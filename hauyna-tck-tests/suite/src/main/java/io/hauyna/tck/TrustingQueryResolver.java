package io.hauyna.tck;

import io.hauyna.jakarta.Handshake;
import io.hauyna.jakarta.spi.IdentifierResolver;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Identifies test clients by {@code ?user_id=}. Deployed as an application resolver rather than
 * through {@code hauyna.identity.query-parameter} because not every server under test has
 * MicroProfile Config to read a per-WAR setting from. Tests only: it trusts the client.
 */
@ApplicationScoped
public class TrustingQueryResolver implements IdentifierResolver {

    @Override
    public Optional<String> resolve(Handshake handshake) {
        return handshake.queryParameter("user_id");
    }
}
