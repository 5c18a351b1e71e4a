package io.hauyna.jakarta.internal.cluster;

import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.internal.ThrottledLog;
import io.hauyna.jakarta.internal.channel.ChannelHistories;
import io.hauyna.jakarta.internal.config.HauynaSettings;
import io.hauyna.jakarta.internal.connection.ConnectionRegistry;
import io.hauyna.jakarta.internal.connection.EncodedMessage;
import io.hauyna.jakarta.internal.connection.LocalDelivery;
import io.hauyna.jakarta.internal.connection.Target;
import io.hauyna.jakarta.internal.metrics.HauynaMetrics;
import io.hauyna.jakarta.internal.presence.PresenceChannels;
import io.hauyna.jakarta.internal.presence.PresenceRegistry;
import io.hauyna.jakarta.spi.Backplane;
import io.hauyna.jakarta.spi.BackplaneContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's place in a cluster: it numbers and publishes this node's frames on the
 * {@link Backplane}, reads the other nodes' frames, and tells the others it is alive. With the
 * default local backplane it publishes nothing and starts no thread.
 *
 * <p>Frames are numbered under one lock, in the order they are handed to the backplane, so that
 * the others can see a gap; encoding happens before the lock.
 */
@ApplicationScoped
public class ClusterNode {

    private static final Logger LOG = Logger.getLogger(ClusterNode.class.getName());

    @Inject
    Backplane backplane;

    @Inject
    HauynaSettings settings;

    @Inject
    LocalDelivery delivery;

    @Inject
    PresenceRegistry presence;

    @Inject
    PresenceChannels wire;

    @Inject
    ConnectionRegistry connections;

    @Inject
    HauynaMetrics metrics;

    @Inject
    ChannelHistories histories;

    private final UUID id = UUID.randomUUID();
    private final Object publishing = new Object();
    /** Guarded by {@link #publishing}. */
    private long seq;
    private final ThrottledLog problems = new ThrottledLog(LOG);
    private final RemoteReplicas remote = new RemoteReplicas();
    private final OwnReplicas own = new OwnReplicas(this::publish);
    private final AtomicBoolean snapshotWanted = new AtomicBoolean();
    private volatile boolean running;
    /** Guarded by {@code this}. */
    private volatile boolean started;
    private ClusterPeers peers;
    private ScheduledExecutorService heartbeat;

    /**
     * Starts the backplane (once; later calls do nothing), so that a node receives before its first
     * client connects. {@link io.hauyna.jakarta.internal.ApplicationStart} calls it as the application starts.
     *
     * @param defaultName the cluster name unless {@link HauynaConfigKeys#CLUSTER_NAME} sets one
     */
    public synchronized void start(String defaultName) {
        if (started) {
            return;
        }
        started = true;
        if (!backplane.clustered()) {
            LOG.info(() -> "Hauyna cluster: off, this node works alone (" + backplane.describe() + ")");
            return;
        }
        String name = settings.clusterName().orElse(defaultName);
        peers = new ClusterPeers(settings.clusterNodeTimeout(), System::nanoTime, new PeerChanges());
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hauyna-cluster-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        backplane.start(new Context(name));
        running = true;
        long period = settings.clusterHeartbeatInterval().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, 0, period, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Hauyna cluster: " + backplane.describe() + "; application '" + name + "', node " + id
                + ", heartbeat every " + period + " ms, a node silent for " + settings.clusterNodeTimeout().toMillis() + " ms is down");
    }

    /**
     * @return whether this node is where its backplane wants it: working alone with a local
     *         backplane, or running in the grid (false before the start and after the stop)
     */
    public boolean joined() {
        return backplane.clustered() ? running : started;
    }

    /** @return whether the backplane joins other nodes when started (known before {@link #start}) */
    public boolean joinsOthers() {
        return backplane.clustered();
    }

    /** @return whether the backplane keeps the histories of history channels for every node */
    public boolean sharesHistory() {
        return backplane.sharedHistory().isPresent();
    }

    /** @return the backplane as its start-up line names it */
    public String describeBackplane() {
        return backplane.describe();
    }

    /** @return whether other nodes may hear this one: a clustered backplane runs */
    public boolean clustered() {
        return running;
    }

    /** @return what the other nodes hold; empty when this node works alone */
    public RemoteReplicas remote() {
        return remote;
    }

    /** Publishes a message for a target's connections on the other nodes; nothing when this node works alone. */
    public void publish(Target target, EncodedMessage message) {
        if (running) {
            publish(new ClusterFrame.Delivery(target, message.utf8()));
        }
    }

    /** Publishes a history channel's message, with its position, for that channel's subscribers on the other nodes. */
    public void publishPositioned(String channel, long offset, String epoch, EncodedMessage message) {
        if (running) {
            publish(new ClusterFrame.Positioned(channel, offset, epoch, message.utf8()));
        }
    }

    /** Tells the others that this node now holds a piece of state (or holds it changed). */
    public void replicate(Replica replica) {
        if (running) {
            own.put(replica);
        }
    }

    /** Tells the others that this node no longer holds a piece of state. */
    public void unreplicate(Replica replica) {
        if (running) {
            own.remove(replica);
        }
    }

    /** Asks every other node to apply a group change to the identifier's connections it holds. */
    public void publishGroupChange(String identifier, String group, String role) {
        if (running) {
            publish(new ClusterFrame.GroupChange(identifier, group, role));
        }
    }

    /** Asks every other node to apply an update of an identifier's presence state ({@code null}: untrack) to its entries. */
    public void publishPresenceChange(String identifier, String updates) {
        if (running) {
            publish(new ClusterFrame.PresenceChange(identifier, updates));
        }
    }

    /** @return the other nodes this node hears; empty when it works alone */
    public Set<UUID> peers() {
        ClusterPeers known = peers;
        return known == null ? Set.of() : known.nodes();
    }

    /**
     * A backplane that fails (its grid is shutting down or unreachable) loses the frame for the other
     * nodes, which see the gap, and never the caller's send: local delivery goes on.
     */
    private void publish(ClusterFrame.Body body) {
        byte[] frame = ClusterFrames.write(id, body);
        try {
            synchronized (publishing) {
                ClusterFrames.stamp(frame, ++seq);
                backplane.publish(frame);
            }
            metrics.gridFrameOut();
        } catch (RuntimeException e) {
            problems.log(Level.WARNING, "publish", () -> "Hauyna cluster: a frame could not reach the other nodes ("
                    + backplane.describe() + "): " + e, e);
        }
    }

    private void beat() {
        try {
            publish(new ClusterFrame.Heartbeat(peers.inSync()));
            peers.expireSilent();
        } catch (RuntimeException e) {
            problems.log(Level.WARNING, "heartbeat", () -> "Hauyna cluster: the heartbeat failed; the others will see this node as down", e);
        }
    }

    /** Some node lacks this node's state (it is new, this node came back, or it missed a frame): send it all, once. */
    private void wantSnapshot() {
        if (snapshotWanted.compareAndSet(false, true)) {
            heartbeat.execute(() -> {
                snapshotWanted.set(false);
                own.publishSnapshot();
            });
        }
    }

    private void received(byte[] bytes) {
        ClusterFrame frame;
        try {
            frame = ClusterFrames.read(bytes);
        } catch (IllegalArgumentException malformed) {
            problems.log(Level.WARNING, "malformed", () -> "Hauyna cluster: dropped a frame from another node: " + malformed.getMessage());
            return;
        }
        if (!running || frame.node().equals(id) || !peers.heard(frame.node(), frame.seq())) {
            return;
        }
        metrics.gridFrameIn();
        ClusterFrame.Body body = frame.body();
        if (body instanceof ClusterFrame.Delivery message) {
            delivery.deliver(message.target(), EncodedMessage.ofUtf8(message.payload()));
        } else if (body instanceof ClusterFrame.Positioned message) {
            histories.arrived(message.channel(), message.offset(), message.epoch(), EncodedMessage.ofUtf8(message.payload()));
        } else if (body instanceof ClusterFrame.Heartbeat beat) {
            if (!beat.inSync().contains(id)) {
                wantSnapshot();
            }
        } else if (body instanceof ClusterFrame.Changes changes) {
            changed(remote.apply(frame.node(), changes.changes()));
        } else if (body instanceof ClusterFrame.Snapshot snapshot) {
            changed(remote.replace(frame.node(), snapshot.replicas()));
            peers.synced(frame.node());
        } else if (body instanceof ClusterFrame.GroupChange change) {
            connections.applyGroupChange(change.identifier(), change.group(), change.role());
        } else if (body instanceof ClusterFrame.PresenceChange change) {
            presence.applyPresenceChange(change.identifier(), change.updates());
        } else {
            peers.left(frame.node());
        }
    }

    private void changed(RemoteReplicas.Touched touched) {
        if (!touched.isEmpty()) {
            touched.identifiers().forEach(presence::remoteChanged);
            wire.channelsChanged(touched.channels());
        }
    }

    /** Tells the others at once, so that they forget this node now rather than after the timeout. */
    void leave(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        stop();
    }

    @PreDestroy
    void stop() {
        if (!running) {
            return;
        }
        running = false;
        heartbeat.shutdownNow();
        try {
            publish(new ClusterFrame.Leaving());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Hauyna cluster: could not say goodbye", e);
        }
        backplane.stop();
        LOG.info(() -> "Hauyna cluster: node " + id + " left");
    }

    private final class Context implements BackplaneContext {
        private final String application;

        Context(String application) {
            this.application = application;
        }

        @Override
        public String application() {
            return application;
        }

        @Override
        public Optional<String> config(String key) {
            return settings.configValue(key);
        }

        @Override
        public void received(byte[] frame) {
            ClusterNode.this.received(frame);
        }

        @Override
        public void membersChanged() {
            // A new member learns of this node from its next heartbeat; send it now rather than within the interval.
            if (running) {
                heartbeat.execute(ClusterNode.this::beat);
            }
        }
    }

    private final class PeerChanges implements ClusterPeers.Listener {
        @Override
        public void joined(UUID node) {
            LOG.info(() -> "Hauyna cluster: node " + node + " joined");
        }

        @Override
        public void gone(UUID node, String why) {
            LOG.info(() -> "Hauyna cluster: node " + node + " is gone (" + why + "); forgetting its connections");
            changed(remote.forget(node));
        }
    }
}
