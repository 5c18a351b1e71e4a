package io.hauyna.jakarta.spi;

import io.hauyna.jakarta.Handshake;

import java.util.Optional;

/**
 * Decides who a new connection belongs to. Implement it as a CDI bean (e.g.
 * {@code @ApplicationScoped}) to identify users by a token, a cookie or anything else in the
 * handshake; Hauyna finds every resolver bean by itself.
 *
 * <p>When a connection opens, resolvers are asked in ascending {@code @jakarta.annotation.Priority}
 * order (a resolver without {@code @Priority} counts as {@link #APPLICATION}); the first non-empty
 * answer wins. After the application's resolvers come Hauyna's own: the container's authenticated
 * principal ({@link #PRINCIPAL}), then, only if the application opted in, a query parameter
 * ({@link #DEVELOPMENT_QUERY_PARAMETER}, see
 * {@link io.hauyna.jakarta.HauynaConfigKeys#IDENTITY_QUERY_PARAMETER}). If nobody answers, the
 * connection is anonymous or refused (see
 * {@link io.hauyna.jakarta.HauynaConfigKeys#IDENTITY_ALLOW_ANONYMOUS}).
 *
 * <p>A resolver is called on the container's thread that opens the connection, once per
 * connection; it must be thread-safe and should not block for long. An exception from a resolver
 * refuses the connection like an unidentified one and is logged.
 *
 * @since 0.1
 */
public interface IdentifierResolver {

    /** The priority of application resolvers that do not declare one. */
    int APPLICATION = 1000;

    /** The priority of Hauyna's resolver that uses the container's authenticated principal. */
    int PRINCIPAL = 4000;

    /** The priority of Hauyna's opt-in resolver that trusts a query parameter (development only). */
    int DEVELOPMENT_QUERY_PARAMETER = 5000;

    /**
     * @param handshake the upgrade request, with all its headers
     * @return the identifier (not blank), or empty to let the next resolver decide
     */
    Optional<String> resolve(Handshake handshake);
}
