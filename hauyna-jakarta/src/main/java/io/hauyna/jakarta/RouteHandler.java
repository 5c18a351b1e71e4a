package io.hauyna.jakarta;

import jakarta.websocket.CloseReason;

import java.time.Duration;
import java.util.Optional;

/**
 * The callbacks of a programmatic route (the alternative to an annotated {@code @ServerEndpoint}),
 * registered through {@link Routes}. Every method has a default, so implement only what you need;
 * one handler instance serves every connection of its route, so it must be thread-safe.
 *
 * <p>Hauyna registers the connection before {@link #onOpen} (it is then in {@link Connections},
 * with its path parameters in {@link Connection#pathParameters()} and its query parameters, kept
 * apart, in {@link Connection#queryParameters()}) and unregisters it after {@link #onClose}.
 * Inbound text frames count against the rate limit before they reach {@link #onMessage}; pass
 * them to {@link HauynaProtocol#handle} to speak Hauyna's protocol.
 *
 * @since 0.1
 */
public interface RouteHandler {

    /**
     * A connection opened and is registered.
     *
     * @param connection the new connection
     */
    default void onOpen(Connection connection) {
    }

    /**
     * A text frame arrived (within the rate limit).
     *
     * @param connection the sender
     * @param message    the frame's text
     */
    default void onMessage(Connection connection, String message) {
    }

    /**
     * The connection closed; it is still registered during this call, except after a heartbeat
     * timeout or a credential expiry, which unregister it at once.
     *
     * @param connection the closed connection
     * @param reason     the close code and phrase
     */
    default void onClose(Connection connection, CloseReason reason) {
    }

    /**
     * A callback of this handler threw, or the container reported an error on the connection. The
     * default does nothing: Hauyna has already logged it.
     *
     * @param connection the connection
     * @param error      what happened
     */
    default void onError(Connection connection, Throwable error) {
    }

    /**
     * Identifies connections of this route before the application's
     * {@link io.hauyna.jakarta.spi.IdentifierResolver}s are asked (a verified bearer token still
     * wins). Called once per upgrade on the container's thread.
     *
     * @param handshake the upgrade request
     * @return the identifier, or empty to let the resolvers decide
     */
    default Optional<String> extractIdentifier(Handshake handshake) {
        return Optional.empty();
    }

    /** @return how often this route's connections are pinged; empty for {@link HauynaConfigKeys#HEARTBEAT_INTERVAL}, zero for never */
    default Optional<Duration> heartbeatInterval() {
        return Optional.empty();
    }

    /** @return after how much silence they are closed; empty for {@link HauynaConfigKeys#HEARTBEAT_TIMEOUT}, zero for never */
    default Optional<Duration> heartbeatTimeout() {
        return Optional.empty();
    }
}
