package io.hauyna.jakarta.internal.ops;

import io.hauyna.jakarta.StatsSnapshot;
import io.hauyna.jakarta.internal.HauynaScheduler;
import io.hauyna.jakarta.internal.connection.GracefulShutdown;
import io.hauyna.jakarta.internal.metrics.HauynaMetrics;

import java.time.Duration;
import java.util.Map;

/** Answers each attribute from a snapshot at most a second old: a JMX console reads the attributes one by one. */
final class HauynaMXBeanImpl implements HauynaMXBean {

    private final StatsCollector stats;
    private final HauynaScheduler scheduler;
    private final GracefulShutdown shutdown;
    private final HauynaMetrics metrics;

    HauynaMXBeanImpl(StatsCollector stats, HauynaScheduler scheduler, GracefulShutdown shutdown, HauynaMetrics metrics) {
        this.stats = stats;
        this.scheduler = scheduler;
        this.shutdown = shutdown;
        this.metrics = metrics;
    }

    private StatsSnapshot now() {
        return stats.recent();
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

    @Override
    public String getBackgroundExecutor() {
        return scheduler.executorName();
    }

    @Override
    public void drainAndClose() {
        shutdown.drainAndClose();
    }

    @Override
    public boolean isPerFrameCounting() {
        return metrics.countsPerFrame();
    }

    @Override
    public void setPerFrameCounting(boolean on) {
        metrics.countPerFrame(on);
    }
}
