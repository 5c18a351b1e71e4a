package io.hauyna.jakarta.internal.handshake;

import io.hauyna.jakarta.Handshake;
import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.internal.config.HauynaSettings;
import io.hauyna.jakarta.spi.IdentifierResolver;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Trusts a query parameter such as {@code ?user_id=alice}, only when the application set
 * {@link HauynaConfigKeys#IDENTITY_QUERY_PARAMETER}. Insecure by design; for development.
 */
@ApplicationScoped
@Priority(IdentifierResolver.DEVELOPMENT_QUERY_PARAMETER)
public class QueryParameterIdentifierResolver implements IdentifierResolver {

    @Inject
    HauynaSettings settings;

    @Override
    public Optional<String> resolve(Handshake handshake) {
        return settings.identityQueryParameter().flatMap(handshake::queryParameter);
    }
}
