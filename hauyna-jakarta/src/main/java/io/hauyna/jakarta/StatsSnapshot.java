package io.hauyna.jakarta;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.TreeMap;
import java.util.Map;

/**
 * The figures of one node at one moment, from {@link HauynaStats#snapshot()}. Counters ("total
 * since the application started") only grow; gauges ("now") go up and down. Every figure is of
 * this node alone, unless it says otherwise.
 *
 * @param takenAt                 when the snapshot was taken
 * @param activeConnections       gauge: the connections open on this node
 * @param connectionsOpened       counter: connections accepted
 * @param connectionsRefused      counter: connections refused after their upgrade by a connection
 *                                limit (close code 4030)
 * @param connectionsClosedByCode counter: closed connections by close code: the code Hauyna closed
 *                                with, or the one {@code @OnClose} saw. Codes of RFC 6455
 *                                (1000-1015) and of Hauyna (4000, 4001, 4029, 4030) have their own
 *                                key; any other code counts under {@code "other"}, as a client may
 *                                choose any; {@code "unknown"} counts client closes of annotated
 *                                endpoints whose {@code @OnClose} does not take the
 *                                {@code CloseReason} (the container hands it over only then).
 *                                Empty before the first close
 * @param framesReceived          counter: text and binary frames that reached an endpoint of Hauyna
 * @param framesSent              counter: frames handed to the container to write (replies, errors,
 *                                deliveries, presence and heartbeat frames)
 * @param bytesSent               counter: the UTF-8 bytes of those frames
 * @param deliveries              counter: messages of fan-outs (channel, group, user, broadcast)
 *                                that a connection of this node accepted into its queue
 * @param queuedMessages          gauge: messages waiting in every outbound queue together
 * @param longestQueue            gauge: messages waiting in the longest outbound queue
 * @param droppedMessages         counter: queued messages thrown away by an outbound queue, by the
 *                                {@code drop-oldest} policy or with a slow consumer it closed
 * @param slowConsumerCloses      counter: connections closed with 1013 because their queue was full
 * @param rateLimitedFrames       counter: frames answered with {@code rate_limited}
 * @param heartbeatTimeouts       counter: connections closed with 4000 because they went silent
 * @param handshakeRefusalsByStatus counter: upgrades refused by the handshake pipeline (origin,
 *                                filters, identification), by the HTTP status it chose; where the
 *                                container cannot answer an upgrade with a status, the client saw a
 *                                close with 1008 instead. Empty when none was
 * @param channels                gauge: channels with at least one subscriber on this node
 * @param subscriptions           gauge: subscriptions of this node's connections
 * @param presenceMembers         gauge: users present, on every node as far as this node knows
 * @param publishDurations        how long fan-outs took to reach the grid and this node's queues
 * @param cluster                 this node's view of its cluster
 * @since 0.3
 */
public record StatsSnapshot(Instant takenAt,
                            int activeConnections, long connectionsOpened, long connectionsRefused,
                            Map<String, Long> connectionsClosedByCode,
                            long framesReceived, long framesSent, long bytesSent, long deliveries,
                            long queuedMessages, int longestQueue, long droppedMessages, long slowConsumerCloses,
                            long rateLimitedFrames, long heartbeatTimeouts, Map<Integer, Long> handshakeRefusalsByStatus,
                            int channels, int subscriptions, int presenceMembers,
                            Durations publishDurations, Cluster cluster) {

    public StatsSnapshot {
        connectionsClosedByCode = sorted(connectionsClosedByCode);
        handshakeRefusalsByStatus = sorted(handshakeRefusalsByStatus);
    }

    private static <K> Map<K, Long> sorted(Map<K, Long> counts) {
        return Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /** @return counter: connections closed, whatever their code */
    public long connectionsClosed() {
        return connectionsClosedByCode.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * A histogram of durations, in the shape Prometheus uses.
     *
     * @param count            how many were recorded
     * @param total            their sum
     * @param max              the longest; zero when none was recorded
     * @param cumulativeCounts each upper bound (10 µs to 5 s) with how many took at most that long;
     *                         those longer than the last bound count only in {@code count}
     * @since 0.3
     */
    public record Durations(long count, Duration total, Duration max, Map<Duration, Long> cumulativeCounts) {

        public Durations {
            cumulativeCounts = sorted(cumulativeCounts);
        }
    }

    /**
     * @param clustered whether a clustered backplane runs (false for a node alone)
     * @param members   the other nodes this node hears now; 0 alone
     * @param framesIn  counter: frames received from the other nodes
     * @param framesOut counter: frames this node published to the others
     * @since 0.3
     */
    public record Cluster(boolean clustered, int members, long framesIn, long framesOut) {
    }
}
