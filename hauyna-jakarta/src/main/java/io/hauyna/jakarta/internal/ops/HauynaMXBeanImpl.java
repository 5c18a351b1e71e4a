package io.hauyna.jakarta.internal.ops;

import io.hauyna.jakarta.HauynaStats;
import io.hauyna.jakarta.StatsSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Answers each attribute from one snapshot at most a second old: a JMX console reads the
 * attributes one by one, and each fresh snapshot walks every open connection.
 */
final class HauynaMXBeanImpl implements HauynaMXBean {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final HauynaStats stats;
    private volatile StatsSnapshot last;

    HauynaMXBeanImpl(HauynaStats stats) {
        this.stats = stats;
    }

    private StatsSnapshot now() {
        StatsSnapshot snapshot = last;
        if (snapshot == null || snapshot.takenAt().plus(FRESH).isBefore(Instant.now())) {
            snapshot = stats.snapshot();
            last = snapshot;
        }
        return snapshot;
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }

    @Override
    public int getActiveConnections() {
        return now().activeConnections();
    }

    @Override
    public long getConnectionsOpened() {
        return now().connectionsOpened();
    }

    @Override
    public long getConnectionsRefused() {
        return now().connectionsRefused();
    }

    @Override
    public long getConnectionsClosed() {
        return now().connectionsClosed();
    }

    @Override
    public Map<String, Long> getConnectionsClosedByCode() {
        return now().connectionsClosedByCode();
    }

    @Override
    public long getFramesReceived() {
        return now().framesReceived();
    }

    @Override
    public long getFramesSent() {
        return now().framesSent();
    }

    @Override
    public long getBytesSent() {
        return now().bytesSent();
    }

    @Override
    public long getDeliveries() {
        return now().deliveries();
    }

    @Override
    public long getQueuedMessages() {
        return now().queuedMessages();
    }

    @Override
    public int getLongestQueue() {
        return now().longestQueue();
    }

    @Override
    public long getDroppedMessages() {
        return now().droppedMessages();
    }

    @Override
    public long getSlowConsumerCloses() {
        return now().slowConsumerCloses();
    }

    @Override
    public long getRateLimitedFrames() {
        return now().rateLimitedFrames();
    }

    @Override
    public long getHeartbeatTimeouts() {
        return now().heartbeatTimeouts();
    }

    @Override
    public Map<Integer, Long> getHandshakeRefusalsByStatus() {
        return now().handshakeRefusalsByStatus();
    }

    @Override
    public int getChannels() {
        return now().channels();
    }

    @Override
    public int getSubscriptions() {
        return now().subscriptions();
    }

    @Override
    public int getPresenceMembers() {
        return now().presenceMembers();
    }

    @Override
    public long getPublishCount() {
        return now().publishDurations().count();
    }

    @Override
    public double getPublishTotalMillis() {
        return millis(now().publishDurations().total());
    }

    @Override
    public double getPublishMaxMillis() {
        return millis(now().publishDurations().max());
    }

    @Override
    public boolean isClustered() {
        return now().cluster().clustered();
    }

    @Override
    public int getClusterMembers() {
        return now().cluster().members();
    }

    @Override
    public long getGridFramesIn() {
        return now().cluster().framesIn();
    }

    @Override
    public long getGridFramesOut() {
        return now().cluster().framesOut();
    }
}
