package io.hauyna.jakarta.internal.ops;

import io.hauyna.jakarta.StatsSnapshot;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One figure of {@link StatsSnapshot} as the metrics libraries see it: a name in the dotted,
 * lower-case style of OpenTelemetry's conventions (Prometheus turns the dots into underscores),
 * a unit, and whether it only grows (a counter) or goes up and down (a gauge). Labelled figures
 * split by one attribute with few values (close code, HTTP status); nothing is per user or channel.
 *
 * @param name        e.g. {@code hauyna.connections.active}
 * @param description one line for the metric's help text
 * @param unit        UCUM, as OpenTelemetry wants it: {@code {connection}}, {@code By}, {@code s}
 * @param counter     {@code true} for a counter, {@code false} for a gauge
 * @param label       the label that splits it, as a MicroProfile Metrics tag (a Prometheus label), or {@code null}
 * @param attribute   the same as an OpenTelemetry attribute, namespaced as its conventions want, or {@code null}
 * @param values      the value for each label value (one entry under the empty key when unlabelled),
 *                    in the raw unit: nanoseconds for {@code s}
 */
public record ExportedMetric(String name, String description, String unit, boolean counter, String label, String attribute,
                             Function<StatsSnapshot, Map<String, Long>> values) {

    /** The tag that tells applications apart on a server that runs several. */
    public static final String APPLICATION_TAG = "app";
    /** The same as an OpenTelemetry attribute. */
    public static final String APPLICATION_ATTRIBUTE = "hauyna.application";

    /** A raw value in nanoseconds is exported in seconds. */
    public static final String SECONDS = "s";

    static ExportedMetric counter(String name, String unit, String description, ToLongFunction<StatsSnapshot> value) {
        return new ExportedMetric(name, description, unit, true, null, null, snapshot -> Map.of("", value.applyAsLong(snapshot)));
    }

    static ExportedMetric gauge(String name, String unit, String description, ToLongFunction<StatsSnapshot> value) {
        return new ExportedMetric(name, description, unit, false, null, null, snapshot -> Map.of("", value.applyAsLong(snapshot)));
    }

    static ExportedMetric labelledCounter(String name, String unit, String description, String label, String attribute,
                                          Function<StatsSnapshot, Map<String, Long>> values) {
        return new ExportedMetric(name, description, unit, true, label, attribute, values);
    }

    /** Every metric Hauyna exports, in the order the README lists them. */
    public static final List<ExportedMetric> ALL = List.of(
            gauge("hauyna.connections.active", "{connection}", "Connections open on this node", StatsSnapshot::activeConnections),
            counter("hauyna.connections.opened", "{connection}", "Connections accepted", StatsSnapshot::connectionsOpened),
            counter("hauyna.connections.refused", "{connection}", "Connections closed with 4030 by a connection limit right after their upgrade",
                    StatsSnapshot::connectionsRefused),
            labelledCounter("hauyna.connections.closed", "{connection}", "Closed connections, by close code", "close_code", "hauyna.close_code",
                    StatsSnapshot::connectionsClosedByCode),
            counter("hauyna.frames.received", "{frame}", "Frames that reached an endpoint of Hauyna", StatsSnapshot::framesReceived),
            counter("hauyna.frames.sent", "{frame}", "Frames handed to the container to write", StatsSnapshot::framesSent),
            counter("hauyna.frames.sent.size", "By", "UTF-8 bytes of the frames handed to the container", StatsSnapshot::bytesSent),
            counter("hauyna.deliveries", "{message}", "Fan-out messages a connection of this node took into its queue",
                    StatsSnapshot::deliveries),
            gauge("hauyna.outbound.queued", "{message}", "Messages waiting in all outbound queues", StatsSnapshot::queuedMessages),
            gauge("hauyna.outbound.longest_queue", "{message}", "Messages waiting in the longest outbound queue", StatsSnapshot::longestQueue),
            counter("hauyna.outbound.dropped", "{message}", "Queued messages thrown away by an outbound queue", StatsSnapshot::droppedMessages),
            counter("hauyna.outbound.slow_consumer_closes", "{connection}", "Connections closed with 1013 because their queue was full",
                    StatsSnapshot::slowConsumerCloses),
            counter("hauyna.inbound.rate_limited", "{frame}", "Frames answered with rate_limited", StatsSnapshot::rateLimitedFrames),
            counter("hauyna.heartbeat.timeouts", "{connection}", "Connections closed with 4000 after going silent", StatsSnapshot::heartbeatTimeouts),
            labelledCounter("hauyna.handshake.refused", "{upgrade}", "Upgrades refused by the handshake pipeline, by HTTP status", "status",
                    "http.response.status_code",
                    snapshot -> ExportedMetric.byString(snapshot.handshakeRefusalsByStatus())),
            gauge("hauyna.channels", "{channel}", "Channels with a subscriber on this node", StatsSnapshot::channels),
            gauge("hauyna.subscriptions", "{subscription}", "Subscriptions of this node's connections", StatsSnapshot::subscriptions),
            gauge("hauyna.presence.members", "{user}", "Users present, on every node as this node knows them", StatsSnapshot::presenceMembers),
            counter("hauyna.publishes", "{message}", "Fan-outs published from this node", snapshot -> snapshot.publishDurations().count()),
            counter("hauyna.publish.time", SECONDS, "Time fan-outs took to reach the grid and this node's queues, summed",
                    snapshot -> snapshot.publishDurations().total().toNanos()),
            gauge("hauyna.cluster.members", "{node}", "Other nodes this node hears", snapshot -> snapshot.cluster().members()),
            counter("hauyna.cluster.frames.received", "{frame}", "Frames received from the other nodes", snapshot -> snapshot.cluster().framesIn()),
            counter("hauyna.cluster.frames.sent", "{frame}", "Frames published to the other nodes", snapshot -> snapshot.cluster().framesOut()));

    private static Map<String, Long> byString(Map<Integer, Long> counts) {
        Map<String, Long> byString = new java.util.TreeMap<>();
        counts.forEach((key, count) -> byString.put(key.toString(), count));
        return byString;
    }
}
