package io.hauyna.jakarta.internal.connection;

import io.hauyna.jakarta.internal.cluster.ClusterNode;
import io.hauyna.jakarta.internal.metrics.HauynaMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where every message for more than one known connection goes: it crosses the backplane once, for
 * the other nodes, and is then offered to the target's connections on this node. Replies to one
 * connection and presence frames (which each node computes for its own sockets) do not come here.
 */
@ApplicationScoped
public class Fanout {

    @Inject
    ClusterNode cluster;

    @Inject
    LocalDelivery delivery;

    @Inject
    HauynaMetrics metrics;

    /** @return how many connections <em>of this node</em> accepted the message */
    public int send(Target target, EncodedMessage message) {
        boolean timed = metrics.countsPerFrame();
        long start = timed ? System.nanoTime() : 0;
        cluster.publish(target, message);
        int accepted = delivery.deliver(target, message);
        if (timed) {
            metrics.published(System.nanoTime() - start);
        }
        return accepted;
    }
}
