package io.hauyna.jakarta.internal.connection;

/**
 * Implemented by registries that hold per-connection state, so that they follow each connection's
 * life: closing a connection clears it everywhere, exactly once, after it has been removed from
 * {@link ConnectionRegistry}.
 */
public interface ConnectionListener {

    /** After the connection is registered, before the endpoint's {@code @OnOpen}. */
    default void connectionOpened(LiveConnection connection) {
    }

    /** When the client sent something; called often, so keep it cheap. */
    default void connectionActive(LiveConnection connection) {
    }

    /** After the connection was removed from {@link ConnectionRegistry}; called exactly once. */
    default void connectionClosed(LiveConnection connection) {
    }
}
