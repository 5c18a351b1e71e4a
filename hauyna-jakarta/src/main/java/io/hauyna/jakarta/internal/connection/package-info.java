/**
 * Connections and sending: the registry of live connections, each one's bounded outbound queue,
 * messages encoded once, the server-specific write paths, the heartbeat sweep, and the fan-out that
 * hands every message to the cluster and then to this node's connections.
 * Implementation, not API.
 */
package io.hauyna.jakarta.internal.connection;
