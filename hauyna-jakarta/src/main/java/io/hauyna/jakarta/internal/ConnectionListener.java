package io.hauyna.jakarta.internal;

/**
 * Implemented by registries that hold per-connection state, so that closing a connection clears
 * it everywhere, exactly once. Called after the connection has been removed from {@link ConnectionRegistry}.
 */
interface ConnectionListener {

    void connectionClosed(LiveConnection connection);
}
