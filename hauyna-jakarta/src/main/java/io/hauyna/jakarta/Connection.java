package io.hauyna.jakarta;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One open WebSocket: who is on the other end, how they connected, and a bounded queue of messages
 * on their way to them.
 *
 * <p>A user (an {@linkplain #identifier() identifier}) may have several connections at once: tabs,
 * devices. Hauyna creates a connection before the endpoint's {@code @OnOpen} runs and forgets it
 * after {@code @OnClose}; obtain it with {@link Connections#connection(Session)}.
 *
 * <p>Implementations are thread-safe. Accessors return immutable snapshots.
 *
 * @since 0.1
 */
public interface Connection {

    /** @return a unique id for this connection (a random UUID), stable for its lifetime */
    String id();

    /**
     * @return who this connection belongs to: the value an {@link io.hauyna.jakarta.spi.IdentifierResolver}
     *         resolved, or {@code anonymous:<id>} for an {@linkplain #anonymous() anonymous} connection
     */
    String identifier();

    /** @return {@code true} when nothing identified this connection, see {@link HauynaConfigKeys#IDENTITY_ALLOW_ANONYMOUS} */
    boolean anonymous();

    /**
     * @return the route the connection came through, as declared (e.g. {@code /chat/{room}}); for a
     *         connection registered without {@link HauynaConfigurator}, its request path
     */
    String route();

    /**
     * @return when the credential the connection was opened with expires (see
     *         {@link io.hauyna.jakarta.spi.TokenVerifier}); empty when it does not. Hauyna closes the
     *         connection with {@link HauynaCloseCodes#CREDENTIALS_EXPIRED} then.
     */
    Optional<Instant> credentialsExpireAt();

    /** @return the underlying session; prefer {@link #send(Object)} to writing to it directly */
    Session session();

    /** @return the path parameters of the endpoint's URI template, e.g. {@code room} for {@code /chat/{room}}; empty when it has none */
    Map<String, String> pathParameters();

    /** @return query parameters of the upgrade request, never mixed with path parameters; empty when there were none */
    Map<String, List<String>> queryParameters();

    /** @return the handshake headers kept for this connection ({@link HauynaConfigKeys#HANDSHAKE_HEADERS}), names case-insensitive */
    Map<String, List<String>> headers();

    /** @return the principal the container authenticated for the upgrade request, or empty */
    Optional<Principal> principal();

    /**
     * @return the groups of this connection's identifier (groups belong to the identifier, see
     *         {@link Connections#addToGroup(String, String, String)}); empty when it is in none
     */
    Set<String> groups();

    /** @return a snapshot of the application's metadata for this connection; empty when none was put */
    Map<String, Object> metadata();

    /**
     * Attaches a value to this connection for its lifetime.
     *
     * @param key   a non-null key
     * @param value a non-null value; use {@link #removeMetadata(String)} to remove
     */
    void putMetadata(String key, Object value);

    /**
     * @param key a key
     * @return the value that was removed, or empty when there was none
     */
    Optional<Object> removeMetadata(String key);

    /** @return when the connection was registered */
    Instant openedAt();

    /**
     * @return when the user last did something: the client's last message other than a protocol
     *         {@code ping} (or the connection time, if it has sent none yet). Drives presence's away status.
     */
    Instant lastActivity();

    /** @return {@code true} while the socket is open and the connection accepts messages */
    boolean isOpen();

    /** @return how many messages are waiting to be written to this client right now (for monitoring) */
    int queuedMessages();

    /** @return how many bytes (UTF-8) are waiting to be written to this client right now (for monitoring) */
    long queuedBytes();

    /** @return how many queued messages the {@link OverflowPolicy#DROP_OLDEST} policy has discarded so far (for monitoring) */
    long droppedMessages();

    /**
     * Queues a message for this connection only; returns at once.
     *
     * @param message a {@code String} sent as it is, or any object, sent as its JSON-B encoding
     * @return {@code true} if the message was queued; {@code false} if the connection is closed or
     *         the message was refused by the {@linkplain OverflowPolicy overflow policy}
     */
    boolean send(Object message);

    /**
     * Closes the socket with the given reason. The connection is unregistered when the container
     * reports the close. Never blocks the caller on a slow client.
     *
     * @param reason the close code and phrase the client will see
     */
    void close(CloseReason reason);
}
