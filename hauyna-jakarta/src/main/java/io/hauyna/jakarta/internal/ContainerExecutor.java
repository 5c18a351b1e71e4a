package io.hauyna.jakarta.internal;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Finds the container's default {@code ManagedScheduledExecutorService} (Jakarta Concurrency),
 * through JNDI so that Hauyna needs no Concurrency API on its class path: a server without
 * Concurrency (Open Liberty without {@code concurrent-3.0}) and Weld SE simply have none.
 */
final class ContainerExecutor {

    /** The name every Jakarta EE 10 server binds its default to. */
    static final String DEFAULT = "java:comp/DefaultManagedScheduledExecutorService";

    private ContainerExecutor() {
    }

    /**
     * Looks the default up. Must run on a thread of the application (its start, a request): other
     * threads may see no {@code java:comp} at all.
     *
     * @return the executor, or empty with no exception when there is none
     */
    static Optional<ScheduledExecutorService> lookUp() {
        try {
            Object found = new InitialContext().lookup(DEFAULT);
            return found instanceof ScheduledExecutorService executor ? Optional.of(executor) : Optional.empty();
        } catch (NamingException | RuntimeException none) {
            // NoInitialContextException outside a server, NameNotFoundException without Concurrency.
            return Optional.empty();
        }
    }
}
