package io.hauyna.jakarta.internal.ops;

import java.util.Map;

/**
 * The figures of {@link io.hauyna.jakarta.StatsSnapshot} as JMX attributes, registered per
 * application as {@code io.hauyna:type=Hauyna,app=<name>}. An MXBean, so a JMX client needs none of
 * Hauyna's classes: the maps arrive as tabular data. Durations are in milliseconds.
 */
public interface HauynaMXBean {

    int getActiveConnections();

    long getConnectionsOpened();

    long getConnectionsRefused();

    long getConnectionsClosed();

    Map<String, Long> getConnectionsClosedByCode();

    long getFramesReceived();

    long getFramesSent();

    long getBytesSent();

    long getDeliveries();

    long getQueuedMessages();

    int getLongestQueue();

    long getDroppedMessages();

    long getSlowConsumerCloses();

    long getRateLimitedFrames();

    long getHeartbeatTimeouts();

    Map<Integer, Long> getHandshakeRefusalsByStatus();

    int getChannels();

    int getSubscriptions();

    int getPresenceMembers();

    long getPublishCount();

    double getPublishTotalMillis();

    double getPublishMaxMillis();

    boolean isClustered();

    int getClusterMembers();

    long getGridFramesIn();

    long getGridFramesOut();

    /** @return where background work runs: {@code container} (its ManagedScheduledExecutorService) or {@code hauyna-scheduler} (Hauyna's own thread) */
    String getBackgroundExecutor();

    /** @return whether the per-frame figures (frames, bytes, deliveries, publish durations) are counted; true unless switched off */
    boolean isPerFrameCounting();

    /** Switches the per-frame figures on or off at run time, e.g. to measure what counting them costs; the others are always counted. */
    void setPerFrameCounting(boolean on);

    /**
     * Stops this application's connections now, as its stop would (README "Graceful shutdown"):
     * new upgrades get 503 with {@code Retry-After}, readiness reports DOWN, the outbound queues get
     * the drain timeout, then every connection is closed with the configured code. Returns when they
     * are closed. The application keeps running but takes no connection until it is redeployed:
     * for a pre-stop hook, so that a load balancer moves clients away before the server stops
     * (servers stop routing to an application before it can answer 503 itself).
     */
    void drainAndClose();
}
