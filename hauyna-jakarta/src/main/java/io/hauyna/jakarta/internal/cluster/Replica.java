package io.hauyna.jakarta.internal.cluster;

import io.hauyna.jakarta.PresenceStatus;

/**
 * One piece of state a node holds about its own connections, as the other nodes keep a copy of it:
 * each node publishes changes to its own pieces and never to another node's, so no two nodes ever
 * write the same piece. Values that came from JSON travel as JSON text.
 */
public sealed interface Replica {

    /** @return what identifies the piece within its node: a newer piece with the same key replaces it */
    String key();

    /** An open connection and whose it is. */
    record Connection(String connectionId, String identifier) implements Replica {
        @Override
        public String key() {
            return "c\0" + connectionId;
        }
    }

    /** A connection's subscription to a channel, with its metadata as a JSON object. */
    record Subscription(String channel, String connectionId, String identifier, String metadata) implements Replica {
        @Override
        public String key() {
            return "s\0" + connectionId + "\0" + channel;
        }
    }

    /** An identifier's membership of a group, with its role. */
    record Membership(String identifier, String group, String role) implements Replica {
        @Override
        public String key() {
            return "g\0" + identifier + "\0" + group;
        }
    }

    /**
     * The part of an identifier's presence that this node holds: its status here (online when one
     * of its connections here was active lately) and its entries, a JSON object of ref → state.
     */
    record Fragment(String identifier, PresenceStatus status, long sinceMillis, String entries) implements Replica {
        @Override
        public String key() {
            return "p\0" + identifier;
        }
    }
}
