package io.hauyna.jakarta.internal.ops;

import io.hauyna.jakarta.HauynaStats;
import io.hauyna.jakarta.StatsSnapshot;
import io.hauyna.jakarta.internal.channel.ChannelRegistry;
import io.hauyna.jakarta.internal.cluster.ClusterNode;
import io.hauyna.jakarta.internal.connection.ConnectionRegistry;
import io.hauyna.jakarta.internal.metrics.HauynaMetrics;
import io.hauyna.jakarta.internal.presence.PresenceRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;

/** The {@link HauynaStats} bean: the counters as they stand, with the gauges read from the registries. */
@ApplicationScoped
public class StatsCollector implements HauynaStats {

    @Inject
    HauynaMetrics metrics;

    @Inject
    ConnectionRegistry connections;

    @Inject
    ChannelRegistry channels;

    @Inject
    PresenceRegistry presence;

    @Inject
    ClusterNode cluster;

    /** A dashboard or exporter reads many figures at once; one fresh snapshot walks every connection. */
    private static final Duration FRESH = Duration.ofSeconds(1);

    private volatile StatsSnapshot recent;

    /** @return a snapshot at most a second old, for readers that ask figure by figure (JMX, metrics exporters) */
    public StatsSnapshot recent() {
        StatsSnapshot snapshot = recent;
        if (snapshot == null || snapshot.takenAt().plus(FRESH).isBefore(Instant.now())) {
            snapshot = snapshot();
            recent = snapshot;
        }
        return snapshot;
    }

    @Override
    public StatsSnapshot snapshot() {
        HauynaMetrics.Counters counters = metrics.read();
        ConnectionRegistry.QueueLoad load = connections.queueLoad();
        return new StatsSnapshot(Instant.now(),
                load.connections(), counters.connectionsOpened(), counters.connectionsRefused(), counters.closedByCode(),
                counters.framesReceived(), counters.framesSent(), counters.bytesSent(), counters.deliveries(),
                load.queued(), load.longest(), counters.dropped(), counters.slowConsumerCloses(),
                counters.rateLimitedFrames(), counters.heartbeatTimeouts(), counters.handshakeRefusals(),
                channels.channelCount(), channels.subscriptionTotal(), presence.count(),
                new StatsSnapshot.Durations(counters.publishCount(), counters.publishTotal(), counters.publishMax(),
                        counters.publishBuckets()),
                new StatsSnapshot.Cluster(cluster.clustered(), cluster.peers().size(), counters.gridFramesIn(), counters.gridFramesOut()));
    }
}
