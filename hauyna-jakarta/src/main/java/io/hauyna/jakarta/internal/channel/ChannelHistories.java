package io.hauyna.jakarta.internal.channel;

import io.hauyna.jakarta.HistoryMessage;
import io.hauyna.jakarta.internal.FailureLog;
import io.hauyna.jakarta.internal.HauynaScheduler;
import io.hauyna.jakarta.internal.cluster.ClusterNode;
import io.hauyna.jakarta.internal.config.HauynaSettings;
import io.hauyna.jakarta.internal.connection.EncodedMessage;
import io.hauyna.jakarta.internal.connection.Fanout;
import io.hauyna.jakarta.internal.connection.LiveConnection;
import io.hauyna.jakarta.internal.connection.LocalDelivery;
import io.hauyna.jakarta.internal.connection.Target;
import io.hauyna.jakarta.internal.protocol.Frames;
import io.hauyna.jakarta.spi.Backplane;
import io.hauyna.jakarta.spi.SharedHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The histories of this node's history channels ({@code hauyna.history.channels}), and the two
 * steps that must not interleave on one channel: a delivery (offset, keep, deliver here) and a
 * subscribe (join, reply, replay). Both hold the channel's stream for their whole step, so a
 * subscriber receives every message exactly once, in offset order: the ones before its join in the
 * replay, the others live after it. On a single node a stream numbers its messages itself; in a
 * cluster the grid numbers them, and {@link GridStreams} brings them here in order.
 */
@ApplicationScoped
public class ChannelHistories {

    /** How often streams are trimmed to their ttl and forgotten when nobody needs them. */
    static final Duration SWEEP = Duration.ofSeconds(5);
    private static final JsonProvider JSON = JsonProvider.provider();

    /** A client's last position in a channel, from {@code since}. */
    public record Position(long offset, String epoch) {
    }

    /** Where a published message went: its position (offset 0 when the channel has no stream here), and how many took it. */
    public record Published(long offset, String epoch, int accepted) {
        /** @return the position as the JSON of the publisher's reply data; {@code null} without one */
        public String replyData() {
            return offset == 0 ? null : JSON.createObjectBuilder().add("offset", offset).add("epoch", epoch).build().toString();
        }
    }

    @Inject
    HauynaSettings settings;

    @Inject
    ChannelRegistry channels;

    @Inject
    Fanout fanout;

    @Inject
    HauynaScheduler scheduler;

    @Inject
    FailureLog failures;

    @Inject
    ClusterNode cluster;

    @Inject
    Backplane backplane;

    @Inject
    LocalDelivery delivery;

    private final Map<String, ChannelStream> streams = new ConcurrentHashMap<>();
    /** Set on first use when the application runs clustered; {@code null} on a single node. */
    private volatile GridStreams grid;
    private volatile boolean modeKnown;
    private final AtomicLong keptBytes = new AtomicLong();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    /** @return whether the channel keeps a history */
    public boolean covers(String channel) {
        return settings.historyPolicy().retentionOf(channel).isPresent();
    }

    /**
     * Publishes a {@code channel_message} to a history channel: it gets the next offset, is kept,
     * and reaches this node's subscribers, in one step. On a single node without a stream, nobody
     * here subscribed within the ttl, so nobody could receive it or ask for it later: it goes out as
     * it is. In a cluster it is numbered and kept by the grid in any case.
     *
     * @throws io.hauyna.jakarta.HauynaException {@code unavailable} when the cluster's grid does not answer in time
     */
    public Published publish(Target.Channel target, String channelMessage) {
        GridStreams shared = grid();
        if (shared != null) {
            return shared.publish(target, channelMessage, retentionOf(target.name()));
        }
        while (true) {
            ChannelStream stream = streams.get(target.name());
            if (stream == null) {
                return new Published(0, "", fanout.send(target, EncodedMessage.of(channelMessage)));
            }
            synchronized (stream) {
                if (isCurrent(target.name(), stream)) {
                    long offset = stream.next();
                    EncodedMessage frame = EncodedMessage.of(Frames.withPosition(channelMessage, offset, stream.epoch()));
                    stream.keep(frame, System.nanoTime());
                    return new Published(offset, stream.epoch(), fanout.send(target, frame));
                }
            }
        }
    }

    /**
     * @param limit the most messages, the newest, at least 1
     * @return what the channel keeps now, oldest first: on this node, or in the cluster's grid
     */
    public List<HistoryMessage> history(String channel, int limit) {
        GridStreams shared = grid();
        if (shared != null) {
            return shared.history(channel, retentionOf(channel), limit);
        }
        ChannelStream stream = streams.get(channel);
        if (stream == null) {
            return List.of();
        }
        synchronized (stream) {
            List<EncodedMessage> kept = stream.keptNow(System.nanoTime());
            return kept.subList(Math.max(0, kept.size() - limit), kept.size()).stream()
                    .map(frame -> messageOf(frame.text())).toList();
        }
    }

    /** @return a kept {@code channel_message} frame (with its position) as the server API gives it */
    static HistoryMessage messageOf(String frame) {
        JsonObject json = JSON.createReader(new StringReader(frame)).readObject();
        return new HistoryMessage(json.getJsonNumber("offset").longValueExact(), json.getString("epoch"), json.getString("from"),
                json.get("message").toString());
    }

    /** A numbered message of a history channel from another node of the cluster, for this node's subscribers. */
    public void arrived(String channel, long offset, String epoch, EncodedMessage frame) {
        GridStreams shared = grid();
        if (shared != null && covers(channel)) {
            shared.arrived(new Target.Channel(channel, null), offset, epoch, frame);
        }
    }

    /** @return the cluster half, once the application runs clustered; {@code null} on a single node */
    private GridStreams grid() {
        if (!modeKnown && cluster.clustered()) {
            synchronized (this) {
                if (!modeKnown) {
                    // The start refused a clustered application whose backplane keeps no history.
                    grid = backplane.sharedHistory().map(history -> new GridStreams(history, streams, this::open, cluster, delivery, scheduler))
                            .orElse(null);
                    modeKnown = true;
                }
            }
        }
        return grid;
    }

    private SharedHistory.Retention retentionOf(String channel) {
        return settings.historyPolicy().retentionOf(channel)
                .orElseThrow(() -> new IllegalArgumentException(channel + " keeps no history"));
    }

    /** @return the channel's stream; one made now is complete on a single node, and starts loading from the grid in a cluster */
    private ChannelStream open(String channel) {
        ChannelStream[] made = new ChannelStream[1];
        ChannelStream stream = streams.computeIfAbsent(channel, name -> made[0] = new ChannelStream(ChannelStream.newEpoch(),
                retentionOf(channel), settings.outboundMaxBytes(), keptBytes, settings.historyMaxBytes(), System.nanoTime()));
        if (made[0] == stream) {
            GridStreams shared = grid();
            if (shared == null) {
                stream.loaded().complete(stream);
            } else {
                shared.load(channel, stream);
            }
        }
        return stream;
    }

    /** Under the stream's monitor: whether the sweep has not dropped it (then a fresh one takes its place). */
    private boolean isCurrent(String channel, ChannelStream stream) {
        return streams.get(channel) == stream;
    }

    /**
     * Subscribes a connection to a history channel, offers the reply (when the frame had a ref)
     * with the channel's position, and, when the client asked to resume, the messages it missed
     * right after the reply. Observers of the join run after all of this.
     *
     * @param since the client's last position; empty for a plain subscribe
     * @param ref   the frame's ref; {@code null} for no reply (also for subscriptions from server code)
     * @return whether the subscription is new
     */
    public boolean subscribe(String channel, LiveConnection connection, Map<String, Object> metadata, Optional<Position> since,
                             JsonValue ref) {
        retentionOf(channel); // refuses a channel without history
        if (sweeping.compareAndSet(false, true)) {
            // From the first stream on: before it there is nothing to sweep, and the application has started.
            scheduler.scheduleRepeatedly(this::sweep, SWEEP);
        }
        GridStreams shared = grid();
        ChannelRegistry.Joined joined = null;
        while (joined == null) {
            // A refused join (limit_exceeded) may leave an empty stream: the next sweep after the ttl forgets it.
            ChannelStream stream = open(channel);
            if (shared != null) {
                shared.awaitLoaded(channel, stream);
                if (since.isPresent() && since.get().epoch().equals(stream.epoch())) {
                    shared.catchUp(channel, stream, since.get().offset());
                }
            }
            synchronized (stream) {
                if (isCurrent(channel, stream)) {
                    joined = channels.join(channel, connection, metadata);
                    stream.touch(System.nanoTime());
                    if (joined.admitted()) {
                        answer(stream, connection, since, ref);
                    }
                }
            }
        }
        try {
            channels.announce(joined);
        } catch (RuntimeException observerFailed) {
            // The client already has its ok: an observer's failure is the application's, and is logged.
            failures.log("An observer of joining " + channel + " by " + connection + " failed", observerFailed);
        }
        return joined.isNew();
    }

    private void answer(ChannelStream stream, LiveConnection connection, Optional<Position> since, JsonValue ref) {
        JsonObjectBuilder data = position(stream);
        String reply = null;
        ChannelStream.Recovery recovery = null;
        if (since.isPresent()) {
            recovery = stream.recover(since.get().epoch(), since.get().offset(), System.nanoTime());
            data.add("recovered", recovery.recovered());
            if (!recovery.recovered()) {
                data.add("reason", recovery.reason());
            }
        }
        if (ref != null) {
            reply = Frames.ok(ref, data.build().toString());
        }
        if (recovery != null && recovery.recovered() && !fits(connection, recovery, reply)) {
            recovery = ChannelStream.Recovery.failed("too_many");
            reply = ref == null ? null : Frames.ok(ref, position(stream).add("recovered", false).add("reason", recovery.reason()).build().toString());
        }
        if (reply != null) {
            connection.offer(EncodedMessage.of(reply));
        }
        if (recovery != null) {
            recovery.missed().forEach(connection::offer);
        }
    }

    /** @return the reply data of a subscribe: where the channel's stream stands */
    private static JsonObjectBuilder position(ChannelStream stream) {
        return JSON.createObjectBuilder().add("epoch", stream.epoch()).add("offset", stream.top());
    }

    /** A replay that would overflow the client's queue would close it: it is refused instead. */
    private boolean fits(LiveConnection connection, ChannelStream.Recovery recovery, String reply) {
        long bytes = recovery.missed().stream().mapToLong(EncodedMessage::bytes).sum() + (reply == null ? 0 : EncodedMessage.utf8Length(reply));
        return connection.queuedMessages() + recovery.missed().size() + 1 <= settings.outboundMaxMessages()
                && connection.queuedBytes() + bytes <= settings.outboundMaxBytes();
    }

    /**
     * Trims every stream to its ttl, and forgets those that keep nothing and that nobody here used
     * within the ttl; in a cluster, also those that nobody here subscribed to within the ttl (the
     * grid keeps their messages, and a stream made again loads them).
     */
    void sweep() {
        long now = System.nanoTime();
        boolean shared = grid() != null;
        streams.forEach((channel, stream) -> {
            synchronized (stream) {
                stream.expire(now);
                if (channels.subscriptionCountOf(channel) > 0) {
                    stream.touch(now);
                } else if (stream.isForgettable(now) || shared && stream.isUnsubscribed(now)) {
                    streams.remove(channel, stream);
                    stream.release();
                }
            }
        });
    }
}
