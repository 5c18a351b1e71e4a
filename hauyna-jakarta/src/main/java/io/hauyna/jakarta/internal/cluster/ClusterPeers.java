package io.hauyna.jakarta.internal.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The other nodes this node has heard from: each one's last sequence number and when it was last
 * heard. A node is up from its first frame until it says it is leaving or stays silent longer than
 * the timeout; it is then forgotten, so restarts (each a new node id) do not pile up here.
 *
 * <p>Frames of one node arrive in its publishing order, one at a time ({@link
 * io.hauyna.jakarta.spi.Backplane#publish}); different nodes' frames may arrive concurrently.
 */
final class ClusterPeers {

    /** What happens to peers, for whoever keeps state about them. Called on the thread that noticed it. */
    interface Listener {
        void joined(UUID node);

        void gone(UUID node, String why);
    }

    private static final class Peer {
        long lastSeq;
        volatile long lastHeard;
        /** Whether this node holds the peer's whole state: since its last snapshot, with no gap. */
        volatile boolean inSync;

        Peer(long seq, long now) {
            this.lastSeq = seq;
            this.lastHeard = now;
        }
    }

    private final Map<UUID, Peer> peers = new ConcurrentHashMap<>();
    private final LongAdder missed = new LongAdder();
    private final LongAdder stale = new LongAdder();
    private final long timeoutNanos;
    private final LongSupplier nanoClock;
    private final Listener listener;
    private volatile long lastExpiry;

    ClusterPeers(Duration timeout, LongSupplier nanoClock, Listener listener) {
        this.timeoutNanos = timeout.toNanos();
        this.nanoClock = nanoClock;
        this.listener = listener;
        this.lastExpiry = nanoClock.getAsLong();
    }

    /**
     * Records a frame of another node.
     *
     * @return {@code false} for a frame numbered at or below one already seen from that node, which
     *         must be dropped: delivering it could deliver a message twice
     */
    boolean heard(UUID node, long seq) {
        long now = nanoClock.getAsLong();
        boolean[] fresh = {false};
        boolean[] accepted = {true};
        peers.compute(node, (id, peer) -> {
            if (peer == null) {
                fresh[0] = true;
                return new Peer(seq, now);
            }
            if (seq <= peer.lastSeq) {
                accepted[0] = false;
                return peer;
            }
            if (seq > peer.lastSeq + 1) {
                missed.add(seq - peer.lastSeq - 1);
                peer.inSync = false;
            }
            peer.lastSeq = seq;
            peer.lastHeard = now;
            return peer;
        });
        if (fresh[0]) {
            listener.joined(node);
        }
        if (!accepted[0]) {
            stale.increment();
        }
        return accepted[0];
    }

    /** Forgets a node that said it is leaving. */
    void left(UUID node) {
        if (peers.remove(node) != null) {
            listener.gone(node, "left");
        }
    }

    /** Records that a node's snapshot was applied: this node now holds all of its state. */
    void synced(UUID node) {
        Peer peer = peers.get(node);
        if (peer != null) {
            peer.inSync = true;
        }
    }

    /** @return the nodes whose whole state this node holds */
    Set<UUID> inSync() {
        Set<UUID> nodes = new java.util.HashSet<>();
        peers.forEach((node, peer) -> {
            if (peer.inSync) {
                nodes.add(node);
            }
        });
        return nodes;
    }

    /**
     * Forgets every node silent for longer than the timeout. Called about once per heartbeat
     * interval; when this node itself did not run for longer than the timeout (a long pause, or
     * SIGSTOP), the others' silence is this node's own, so it starts counting again instead.
     */
    void expireSilent() {
        long now = nanoClock.getAsLong();
        long paused = now - lastExpiry;
        lastExpiry = now;
        if (paused > timeoutNanos) {
            peers.values().forEach(peer -> peer.lastHeard = now);
            return;
        }
        peers.forEach((node, peer) -> {
            long silent = now - peer.lastHeard;
            if (silent > timeoutNanos && peers.remove(node, peer)) {
                listener.gone(node, "silent for " + Duration.ofNanos(silent).toMillis() + " ms");
            }
        });
    }

    /** @return the nodes heard from and not yet gone */
    Set<UUID> nodes() {
        return Set.copyOf(peers.keySet());
    }

    /** @return how many frames of other nodes never arrived (gaps in their sequence numbers) */
    long missedFrames() {
        return missed.sum();
    }

    /** @return how many frames arrived again or out of order, and were dropped */
    long staleFrames() {
        return stale.sum();
    }
}
