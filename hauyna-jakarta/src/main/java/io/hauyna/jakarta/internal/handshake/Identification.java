package io.hauyna.jakarta.internal.handshake;

import io.hauyna.jakarta.Handshake;
import io.hauyna.jakarta.internal.FailureLog;
import io.hauyna.jakarta.internal.ThrottledLog;
import io.hauyna.jakarta.internal.config.PriorityOrder;
import io.hauyna.jakarta.spi.IdentifierResolver;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Asks every {@link IdentifierResolver} bean, in priority order, who a new connection belongs to. */
@ApplicationScoped
public class Identification {

    private static final Logger LOG = Logger.getLogger(Identification.class.getName());

    @Inject
    @Any
    Instance<IdentifierResolver> resolverBeans;

    @Inject
    FailureLog failures;

    private final ThrottledLog blankIdentifiers = new ThrottledLog(LOG);

    private List<? extends Instance.Handle<IdentifierResolver>> resolvers;

    @PostConstruct
    void orderResolvers() {
        resolvers = PriorityOrder.sorted(resolverBeans, IdentifierResolver.APPLICATION);
    }

    /**
     * @return the first identifier a resolver gives, or empty when none does
     * @throws SecurityException when a resolver fails, so that the connection is refused rather than misidentified
     */
    Optional<String> identify(Handshake handshake) {
        for (Instance.Handle<IdentifierResolver> resolver : resolvers) {
            Optional<String> identifier;
            try {
                identifier = resolver.get().resolve(handshake);
            } catch (RuntimeException e) {
                failures.log("Identifier resolver " + resolver.getBean().getBeanClass().getName()
                        + " failed for " + handshake + "; refusing the connection", e);
                throw new SecurityException("Identifier resolver failed", e);
            }
            if (identifier != null && identifier.isPresent()) {
                if (!identifier.get().isBlank()) {
                    return identifier;
                }
                blankIdentifiers.log(Level.WARNING, resolver.getBean().getBeanClass().getName(), () -> "Identifier resolver "
                        + resolver.getBean().getBeanClass().getName() + " returned a blank identifier; ignoring it (return Optional.empty() instead)");
            }
        }
        return Optional.empty();
    }
}
