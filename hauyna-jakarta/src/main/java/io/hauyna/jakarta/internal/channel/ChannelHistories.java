package io.hauyna.jakarta.internal.channel;

import io.hauyna.jakarta.internal.HauynaScheduler;
import io.hauyna.jakarta.internal.config.HauynaSettings;
import io.hauyna.jakarta.internal.config.HistoryPolicy;
import io.hauyna.jakarta.internal.connection.EncodedMessage;
import io.hauyna.jakarta.internal.connection.Fanout;
import io.hauyna.jakarta.internal.connection.LiveConnection;
import io.hauyna.jakarta.internal.connection.Target;
import io.hauyna.jakarta.internal.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The histories of this node's history channels ({@code hauyna.history.channels}), and the two
 * steps that must not interleave on one channel: a publish (offset, keep, deliver here) and a
 * subscribe (join, reply, replay). Both hold the channel's stream for their whole step, so a
 * subscriber receives every message exactly once, in offset order: the ones before its join in the
 * replay, the others live after it.
 */
@ApplicationScoped
public class ChannelHistories {

    /** How often streams are trimmed to their ttl and forgotten when nobody needs them. */
    static final Duration SWEEP = Duration.ofSeconds(5);
    private static final JsonProvider JSON = JsonProvider.provider();

    /** A client's last position in a channel, from {@code since}. */
    public record Position(long offset, String epoch) {
    }

    @Inject
    HauynaSettings settings;

    @Inject
    ChannelRegistry channels;

    @Inject
    Fanout fanout;

    @Inject
    HauynaScheduler scheduler;

    private final Map<String, ChannelStream> streams = new ConcurrentHashMap<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    /** @return whether the channel keeps a history */
    public boolean covers(String channel) {
        return settings.historyPolicy().retentionOf(channel).isPresent();
    }

    /**
     * Publishes a {@code channel_message} to a history channel: it gets the next offset, is kept,
     * and reaches this node's subscribers, in one step. Without a stream (nobody subscribed within
     * the ttl) nobody here could receive it or ask for it later: it is sent as it is.
     *
     * @return how many connections of this node accepted it
     */
    public int publish(Target.Channel target, String channelMessage) {
        while (true) {
            ChannelStream stream = streams.get(target.name());
            if (stream == null) {
                return fanout.send(target, EncodedMessage.of(channelMessage));
            }
            synchronized (stream) {
                if (isCurrent(target.name(), stream)) {
                    EncodedMessage frame = EncodedMessage.of(Frames.withPosition(channelMessage, stream.next(), stream.epoch()));
                    stream.keep(frame, System.nanoTime());
                    return fanout.send(target, frame);
                }
            }
        }
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
     */
    public void subscribe(String channel, LiveConnection connection, Map<String, Object> metadata, Optional<Position> since,
                          JsonValue ref) {
        HistoryPolicy.Retention retention = settings.historyPolicy().retentionOf(channel)
                .orElseThrow(() -> new IllegalArgumentException(channel + " keeps no history"));
        if (sweeping.compareAndSet(false, true)) {
            // From the first stream on: before it there is nothing to sweep, and the application has started.
            scheduler.scheduleRepeatedly(this::sweep, SWEEP);
        }
        ChannelRegistry.Joined joined = null;
        while (joined == null) {
            ChannelStream stream = streams.computeIfAbsent(channel, name -> new ChannelStream(retention));
            synchronized (stream) {
                if (isCurrent(channel, stream)) {
                    joined = channels.join(channel, connection, metadata);
                    if (joined.admitted()) {
                        answer(stream, connection, since, ref);
                    }
                }
            }
        }
        channels.announce(joined);
    }

    private void answer(ChannelStream stream, LiveConnection connection, Optional<Position> since, JsonValue ref) {
        JsonObjectBuilder data = JSON.createObjectBuilder().add("epoch", stream.epoch()).add("offset", stream.top());
        ChannelStream.Recovery recovery = since.map(position -> fitting(connection,
                stream.recover(position.epoch(), position.offset(), System.nanoTime()))).orElse(null);
        if (recovery != null) {
            data.add("recovered", recovery.recovered());
            if (!recovery.recovered()) {
                data.add("reason", recovery.reason());
            }
        }
        if (ref != null) {
            connection.offer(EncodedMessage.of(Frames.ok(ref, data.build().toString())));
        }
        if (recovery != null) {
            recovery.missed().forEach(connection::offer);
        }
    }

    /** A replay that would overflow the client's queue would close it: it is refused instead. */
    private ChannelStream.Recovery fitting(LiveConnection connection, ChannelStream.Recovery recovery) {
        long bytes = recovery.missed().stream().mapToLong(EncodedMessage::bytes).sum();
        if (connection.queuedMessages() + recovery.missed().size() > settings.outboundMaxMessages()
                || connection.queuedBytes() + bytes > settings.outboundMaxBytes()) {
            return ChannelStream.Recovery.failed("too_many");
        }
        return recovery;
    }

    /** Trims every stream to its ttl, and forgets those without messages and without subscribers here. */
    void sweep() {
        long now = System.nanoTime();
        streams.forEach((channel, stream) -> {
            synchronized (stream) {
                stream.expire(now);
                if (stream.isEmpty() && channels.subscriptionCountOf(channel) == 0) {
                    streams.remove(channel, stream);
                }
            }
        });
    }
}
