package io.hauyna.jakarta.internal.handshake;

import io.hauyna.jakarta.Handshake;
import io.hauyna.jakarta.spi.IdentifierResolver;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.Principal;
import java.util.Optional;

/** The default identity: the name of the principal the container authenticated for the upgrade request. */
@ApplicationScoped
@Priority(IdentifierResolver.PRINCIPAL)
public class PrincipalIdentifierResolver implements IdentifierResolver {

    @Override
    public Optional<String> resolve(Handshake handshake) {
        return handshake.principal().map(Principal::getName);
    }
}
