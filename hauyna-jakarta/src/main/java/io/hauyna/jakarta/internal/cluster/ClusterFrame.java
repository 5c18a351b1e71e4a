package io.hauyna.jakarta.internal.cluster;

import io.hauyna.jakarta.internal.connection.Target;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One frame on the backplane as a node reads it: who published it, its place in that node's
 * sequence, and what it carries.
 *
 * @param node the publishing node's id, new at each start of the application
 * @param seq  the publishing node's counter, one more for each frame of any kind it publishes
 * @param body what the frame carries
 */
record ClusterFrame(UUID node, long seq, Body body) {

    sealed interface Body {
    }

    /**
     * "I am alive", and the nodes whose state the sender holds in full; a node missing from that
     * list publishes a {@link Snapshot}.
     */
    record Heartbeat(Set<UUID> inSync) implements Body {
        public Heartbeat {
            inSync = Set.copyOf(inSync);
        }
    }

    /** A message for the connections a target names, on every node, in UTF-8. */
    record Delivery(Target target, byte[] payload) implements Body {
    }

    /** A message of a history channel, in UTF-8, with its position in the channel's shared stream. */
    record Positioned(String channel, long offset, String epoch, byte[] payload) implements Body {
    }

    /** Changes to the sender's state, in the order they happened. */
    record Changes(List<Change> changes) implements Body {
        public Changes {
            changes = List.copyOf(changes);
        }
    }

    /** The sender's whole state, which replaces what the others held for it. */
    record Snapshot(List<Replica> replicas) implements Body {
        public Snapshot {
            replicas = List.copyOf(replicas);
        }
    }

    /** A group change for an identifier, which each node applies to the identifier's connections it holds. */
    record GroupChange(String identifier, String group, String role) implements Body {
    }

    /** {@code Presence.updateState} (a JSON object of updates) or {@code untrack} ({@code null}) for an identifier, which each node applies to its entries. */
    record PresenceChange(String identifier, String updates) implements Body {
    }

    /** "I am stopping": the others forget this node at once instead of after the timeout. */
    record Leaving() implements Body {
    }

    /** One piece of state added (or replaced) or removed. */
    record Change(boolean removed, Replica replica) {
    }
}
