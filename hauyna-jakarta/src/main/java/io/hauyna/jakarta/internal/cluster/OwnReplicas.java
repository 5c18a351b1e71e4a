package io.hauyna.jakarta.internal.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * This node's own pieces of state, as last published. Each change is published as it is recorded,
 * under one lock, and so is a snapshot: the others therefore see changes and snapshots in the
 * order that makes a snapshot include exactly the changes published before it.
 */
final class OwnReplicas {

    private final Map<String, Replica> published = new HashMap<>();
    private final Consumer<ClusterFrame.Body> publisher;

    OwnReplicas(Consumer<ClusterFrame.Body> publisher) {
        this.publisher = publisher;
    }

    /** Publishes a new or changed piece; nothing when it is unchanged. */
    synchronized void put(Replica replica) {
        if (!replica.equals(published.put(replica.key(), replica))) {
            publisher.accept(new ClusterFrame.Changes(List.of(new ClusterFrame.Change(false, replica))));
        }
    }

    /** Publishes the removal of a piece; nothing when it was not published. */
    synchronized void remove(Replica replica) {
        Replica removed = published.remove(replica.key());
        if (removed != null) {
            publisher.accept(new ClusterFrame.Changes(List.of(new ClusterFrame.Change(true, removed))));
        }
    }

    /** Publishes every piece at once, which replaces what the others hold for this node. */
    synchronized void publishSnapshot() {
        publisher.accept(new ClusterFrame.Snapshot(List.copyOf(published.values())));
    }

    synchronized int size() {
        return published.size();
    }
}
