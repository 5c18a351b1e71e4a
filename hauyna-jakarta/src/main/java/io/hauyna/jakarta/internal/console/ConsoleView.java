package io.hauyna.jakarta.internal.console;

import io.hauyna.jakarta.StatsSnapshot;
import io.hauyna.jakarta.internal.HauynaScheduler;
import io.hauyna.jakarta.internal.channel.ChannelRegistry;
import io.hauyna.jakarta.internal.connection.ConnectionRegistry;
import io.hauyna.jakarta.internal.connection.GracefulShutdown;
import io.hauyna.jakarta.internal.connection.LiveConnection;
import io.hauyna.jakarta.internal.ops.StatsCollector;
import io.hauyna.jakarta.internal.presence.PresenceRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the console shows of this node, as the JSON of its {@code hauyna.console} event (the
 * fields are listed in docs/PROTOCOL.md, "The console's feed"): the statistics, the last five
 * minutes of load, the {@value #CHANNELS} channels with the most subscribers here and how many of
 * those are present, the {@value #QUEUES} longest outbound queues, and the recent closes and
 * errors. Its size is bounded by those limits, whatever the number of connections and channels.
 */
@ApplicationScoped
public class ConsoleView {

    static final int CHANNELS = 50;
    static final int QUEUES = 10;
    private static final JsonProvider JSON = JsonProvider.provider();

    private record ChannelSize(String name, int subscribers) {
    }

    @Inject
    StatsCollector stats;

    @Inject
    ChannelRegistry channels;

    @Inject
    PresenceRegistry presence;

    @Inject
    ConnectionRegistry connections;

    @Inject
    RecentEvents recent;

    @Inject
    GracefulShutdown shutdown;

    @Inject
    HauynaScheduler scheduler;

    /** @return the view as JSON text, taken now, with the given history */
    String render(String application, List<ConnectionHistory.Sample> history) {
        StatsSnapshot snapshot = stats.snapshot();
        return JSON.createObjectBuilder()
                .add("application", application)
                .add("takenAt", snapshot.takenAt().toString())
                .add("draining", shutdown.draining())
                .add("executor", scheduler.executorName())
                .add("stats", stats(snapshot))
                .add("history", history(history))
                .add("channels", largestChannels())
                .add("queues", longestQueues())
                .add("closes", closes())
                .add("errors", errors())
                .build().toString();
    }

    private static JsonObjectBuilder stats(StatsSnapshot s) {
        JsonObjectBuilder closed = JSON.createObjectBuilder();
        s.connectionsClosedByCode().forEach((code, count) -> closed.add(code, count.longValue()));
        JsonObjectBuilder refused = JSON.createObjectBuilder();
        s.handshakeRefusalsByStatus().forEach((status, count) -> refused.add(Integer.toString(status), count.longValue()));
        StatsSnapshot.Durations publish = s.publishDurations();
        return JSON.createObjectBuilder()
                .add("activeConnections", s.activeConnections())
                .add("connectionsOpened", s.connectionsOpened())
                .add("connectionsClosed", s.connectionsClosed())
                .add("connectionsRefused", s.connectionsRefused())
                .add("closedByCode", closed)
                .add("framesReceived", s.framesReceived())
                .add("framesSent", s.framesSent())
                .add("bytesSent", s.bytesSent())
                .add("deliveries", s.deliveries())
                .add("queuedMessages", s.queuedMessages())
                .add("longestQueue", s.longestQueue())
                .add("droppedMessages", s.droppedMessages())
                .add("slowConsumerCloses", s.slowConsumerCloses())
                .add("rateLimitedFrames", s.rateLimitedFrames())
                .add("heartbeatTimeouts", s.heartbeatTimeouts())
                .add("handshakeRefusalsByStatus", refused)
                .add("channels", s.channels())
                .add("subscriptions", s.subscriptions())
                .add("presenceMembers", s.presenceMembers())
                .add("publishes", publish.count())
                .add("publishMeanMicros", publish.count() == 0 ? 0 : publish.total().toNanos() / 1000 / publish.count())
                .add("publishMaxMicros", publish.max().toNanos() / 1000)
                .add("clustered", s.cluster().clustered())
                .add("clusterMembers", s.cluster().members());
    }

    private static JsonArrayBuilder history(List<ConnectionHistory.Sample> samples) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (ConnectionHistory.Sample sample : samples) {
            array.add(JSON.createArrayBuilder().add(sample.epochSecond()).add(sample.connections())
                    .add(sample.deliveries()).add(sample.framesReceived()));
        }
        return array;
    }

    private JsonArrayBuilder largestChannels() {
        Largest<ChannelSize> largest = new Largest<>(CHANNELS,
                Comparator.comparingInt(ChannelSize::subscribers).thenComparing(ChannelSize::name, Comparator.reverseOrder()));
        channels.forEachChannel((name, subscribers) -> largest.offer(new ChannelSize(name, subscribers)));
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (ChannelSize channel : largest.largestFirst()) {
            long present = channels.subscribedConnections(channel.name()).map(LiveConnection::identifier).distinct()
                    .filter(presence::isPresent).count();
            array.add(JSON.createObjectBuilder().add("name", channel.name()).add("subscribers", channel.subscribers())
                    .add("present", present));
        }
        return array;
    }

    private JsonArrayBuilder longestQueues() {
        Largest<LiveConnection> longest = new Largest<>(QUEUES,
                Comparator.comparingInt(LiveConnection::queuedMessages).thenComparing(LiveConnection::id, Comparator.reverseOrder()));
        for (LiveConnection connection : connections.all()) {
            if (connection.queuedMessages() > 0) {
                longest.offer(connection);
            }
        }
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (LiveConnection connection : longest.largestFirst()) {
            array.add(JSON.createObjectBuilder().add("connection", connection.id()).add("identifier", connection.identifier())
                    .add("route", connection.route()).add("queued", connection.queuedMessages())
                    .add("bytes", connection.queuedBytes()).add("dropped", connection.droppedMessages())
                    .add("openedAt", connection.openedAt().toString()));
        }
        return array;
    }

    private JsonArrayBuilder closes() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (RecentEvents.Close close : recent.closes()) {
            array.add(JSON.createObjectBuilder().add("at", close.at().toString()).add("code", close.code())
                    .add("reason", close.reason()).add("identifier", Objects.toString(close.identifier(), "")));
        }
        return array;
    }

    private JsonArrayBuilder errors() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (RecentEvents.Error error : recent.errors()) {
            array.add(JSON.createObjectBuilder().add("at", error.at().toString()).add("type", error.type())
                    .add("message", error.message()).add("identifier", Objects.toString(error.identifier(), "")));
        }
        return array;
    }
}
