package io.hauyna.jakarta.internal.channel;

import io.hauyna.jakarta.ChannelJoined;
import io.hauyna.jakarta.ChannelLeft;
import io.hauyna.jakarta.Channels;
import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.HauynaException;
import io.hauyna.jakarta.HistoryMessage;
import io.hauyna.jakarta.Subscription;
import io.hauyna.jakarta.internal.cluster.ClusterNode;
import io.hauyna.jakarta.internal.cluster.Replica;
import io.hauyna.jakarta.internal.config.HauynaSettings;
import io.hauyna.jakarta.internal.config.Limits;
import io.hauyna.jakarta.internal.connection.ConnectionListener;
import io.hauyna.jakarta.internal.connection.ConnectionRegistry;
import io.hauyna.jakarta.internal.connection.EncodedMessage;
import io.hauyna.jakarta.internal.connection.Fanout;
import io.hauyna.jakarta.internal.connection.LiveConnection;
import io.hauyna.jakarta.internal.connection.MessageEncoder;
import io.hauyna.jakarta.internal.connection.Target;
import io.hauyna.jakarta.internal.protocol.Frames;
import io.hauyna.jakarta.internal.presence.PresenceChannels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@link Channels} bean. Two indexes, by channel and by connection, each mutated atomically;
 * a subscription racing with its connection's close is undone by whichever of the two runs last.
 */
@ApplicationScoped
public class ChannelRegistry implements Channels, ConnectionListener {

    /** The {@code from} of messages the server publishes: no client has the empty identifier. */
    private static final String SERVER = "";

    /** One subscription as stored: immutable, replaced whole when its metadata changes. */
    private record Entry(LiveConnection connection, Map<String, Object> metadata, Instant joinedAt) {
        Subscription toSubscription(String channel) {
            return new Subscription(channel, connection, metadata, joinedAt);
        }
    }

    private final Map<String, Map<String, Entry>> byChannel = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byConnection = new ConcurrentHashMap<>();
    /** The size of {@code byChannel}, changed only inside its compute calls. */
    private final AtomicInteger channelCount = new AtomicInteger();

    @Inject
    HauynaSettings settings;

    @Inject
    ConnectionRegistry connections;

    @Inject
    MessageEncoder encoder;

    @Inject
    Fanout fanout;

    @Inject
    Event<Object> events;

    @Inject
    PresenceChannels presenceChannels;

    @Inject
    ClusterNode cluster;

    @Inject
    ChannelHistories histories;

    @Override
    public boolean subscribe(String channel, Session session, Map<String, Object> metadata) {
        ChannelNames.requireValid(channel);
        LiveConnection connection = connections.live(session)
                .orElseThrow(() -> new IllegalStateException("Session " + session.getId() + " is not registered: "
                        + "subscribe from @OnOpen or later of an endpoint that uses HauynaConfigurator"));
        try {
            // Through the channel's history, when it keeps one, so that its messages are numbered for this subscriber too.
            return histories.covers(channel) ? histories.subscribe(channel, connection, metadata, Optional.empty(), null)
                    : subscribe(channel, connection, metadata);
        } catch (HauynaException limitReached) {
            throw new IllegalStateException(limitReached.getMessage(), limitReached);
        }
    }

    /**
     * @return {@code true} if the subscription is new
     * @throws HauynaException {@code limit_exceeded} when it would create a channel beyond {@link HauynaConfigKeys#LIMITS_CHANNELS}
     */
    public boolean subscribe(String channel, LiveConnection connection, Map<String, Object> metadata) {
        Joined joined = join(channel, connection, metadata);
        announce(joined);
        return joined.isNew();
    }

    /**
     * What {@link #join} did, for {@link #announce}.
     *
     * @param admitted whether the subscription exists now (not when the connection closed meanwhile)
     * @param isNew    whether it did not exist before
     */
    public record Joined(String channel, LiveConnection connection, Map<String, Object> metadata, boolean admitted, boolean isNew) {
    }

    /**
     * The first half of {@link #subscribe}: adds the subscription (and replicates it), running no
     * observer, so that a caller holding a lock (the channel's history) runs none under it.
     *
     * @throws HauynaException {@code limit_exceeded} when it would create a channel beyond {@link HauynaConfigKeys#LIMITS_CHANNELS}
     */
    public Joined join(String channel, LiveConnection connection, Map<String, Object> metadata) {
        Map<String, Object> copied = Map.copyOf(metadata);
        AtomicReference<Entry> previous = new AtomicReference<>();
        byChannel.compute(channel, (name, entries) -> {
            if (entries == null) {
                countNewChannel();
            }
            Map<String, Entry> present = entries == null ? new ConcurrentHashMap<>() : entries;
            Entry before = present.get(connection.id());
            previous.set(before);
            present.put(connection.id(), new Entry(connection, copied, before == null ? Instant.now() : before.joinedAt()));
            // Inside compute, so that the other nodes see a subscription's changes in the order they happened.
            if (cluster.clustered()) {
                cluster.replicate(new Replica.Subscription(channel, connection.id(), connection.identifier(), encoder.encode(copied).text()));
            }
            return present;
        });
        // Added inside compute: a remove() racing on another thread drops the set only when it is empty.
        byConnection.compute(connection.id(), (id, joined) -> {
            Set<String> present = joined == null ? ConcurrentHashMap.newKeySet() : joined;
            present.add(channel);
            return present;
        });
        if (connection.unregistered()) {
            // Closed meanwhile: its cleanup may have run before this subscription existed.
            remove(channel, connection);
            return new Joined(channel, connection, copied, false, false);
        }
        return new Joined(channel, connection, copied, true, previous.get() == null);
    }

    /** The second half of {@link #subscribe}: presence, and {@link ChannelJoined} for a new subscription. */
    public void announce(Joined joined) {
        if (!joined.admitted()) {
            return;
        }
        presenceChannels.subscribed(joined.channel());
        if (joined.isNew()) {
            events.fire(new ChannelJoined(joined.channel(), joined.connection().identifier(), joined.connection().id(), joined.metadata()));
        }
    }

    /** Inside the channel's compute, so the count and the map agree. */
    private void countNewChannel() {
        int max = settings.maxChannels();
        if (channelCount.incrementAndGet() > max && max > 0) {
            channelCount.decrementAndGet();
            throw Limits.exceeded("The application holds " + max + " channels; join an existing one", "channels", max,
                    HauynaConfigKeys.LIMITS_CHANNELS);
        }
    }

    @Override
    public boolean unsubscribe(String channel, Session session) {
        return connections.live(session).map(connection -> unsubscribe(channel, connection)).orElse(false);
    }

    public boolean unsubscribe(String channel, LiveConnection connection) {
        Optional<Entry> removed = remove(channel, connection);
        removed.ifPresent(entry -> presenceChannels.unsubscribed(channel, connection));
        removed.ifPresent(entry -> events.fire(new ChannelLeft(channel, connection.identifier(), connection.id(), entry.metadata())));
        return removed.isPresent();
    }

    private Optional<Entry> remove(String channel, LiveConnection connection) {
        AtomicReference<Entry> removed = new AtomicReference<>();
        byChannel.computeIfPresent(channel, (name, entries) -> {
            removed.set(entries.remove(connection.id()));
            if (removed.get() != null) {
                cluster.unreplicate(new Replica.Subscription(channel, connection.id(), connection.identifier(), null));
            }
            if (entries.isEmpty()) {
                channelCount.decrementAndGet();
                return null;
            }
            return entries;
        });
        byConnection.computeIfPresent(connection.id(), (id, channels) -> {
            channels.remove(channel);
            return channels.isEmpty() ? null : channels;
        });
        return Optional.ofNullable(removed.get());
    }

    @Override
    public int broadcastTo(String channel, Object message) {
        return fanout.send(new Target.Channel(channel, null), encoder.encode(message));
    }

    @Override
    public int broadcastFrom(Session sender, String channel, Object message) {
        EncodedMessage encoded = encoder.encode(message);
        String except = connections.live(sender).map(LiveConnection::id).orElse(null);
        return fanout.send(new Target.Channel(channel, except), encoded);
    }

    @Override
    public int publish(String channel, Object message) {
        ChannelNames.requireValid(channel);
        String frame = Frames.channelMessageOfJson(channel, SERVER, encoder.toJson(message));
        Target.Channel target = new Target.Channel(channel, null);
        return histories.covers(channel) ? histories.publish(target, frame).accepted() : fanout.send(target, EncodedMessage.of(frame));
    }

    @Override
    public List<HistoryMessage> history(String channel, int limit) {
        ChannelNames.requireValid(channel);
        if (limit < 1) {
            throw new IllegalArgumentException("The limit is " + limit + ": ask for at least 1 message");
        }
        return histories.covers(channel) ? histories.history(channel, limit) : List.of();
    }

    /** @return the connections subscribed to a channel, as they are while the caller walks them (no copy) */
    public Stream<LiveConnection> subscribedConnections(String channel) {
        Map<String, Entry> entries = channel == null ? null : byChannel.get(channel);
        return entries == null ? Stream.empty() : entries.values().stream().map(Entry::connection);
    }

    @Override
    public Set<String> subscribers(String channel) {
        Set<String> subscribers = entriesOf(channel).stream().map(entry -> entry.connection().identifier()).collect(Collectors.toSet());
        cluster.remote().subscriptions(channel).forEach(subscription -> subscribers.add(subscription.identifier()));
        return Set.copyOf(subscribers);
    }

    @Override
    public List<Subscription> subscriptions(String channel) {
        return entriesOf(channel).stream()
                .sorted(Comparator.comparing(Entry::joinedAt))
                .map(entry -> entry.toSubscription(channel))
                .toList();
    }

    private List<Entry> entriesOf(String channel) {
        Map<String, Entry> entries = channel == null ? null : byChannel.get(channel);
        return entries == null ? List.of() : List.copyOf(entries.values());
    }

    @Override
    public Set<String> subscribedChannels(Session session) {
        return connections.live(session).map(this::subscribedChannels).orElse(Set.of());
    }

    /** @return the channels with a subscriber on this node */
    public int channelCount() {
        return byChannel.size();
    }

    /**
     * @param consumer called with each channel that has a subscriber on this node and how many it
     *                 has, without copying the registry (for the console's largest channels)
     */
    public void forEachChannel(java.util.function.ObjIntConsumer<String> consumer) {
        byChannel.forEach((channel, subscribers) -> consumer.accept(channel, subscribers.size()));
    }

    /** @return the subscriptions of this node's connections, counted without copying */
    public int subscriptionTotal() {
        int total = 0;
        for (Map<String, Entry> subscribers : byChannel.values()) {
            total += subscribers.size();
        }
        return total;
    }

    /** @return how many of this node's connections are subscribed to the channel, without copying them */
    public int subscriptionCountOf(String channel) {
        Map<String, Entry> entries = byChannel.get(channel);
        return entries == null ? 0 : entries.size();
    }

    /** @return how many channels the connection is in, without copying them */
    public int subscriptionCount(LiveConnection connection) {
        Set<String> channels = byConnection.get(connection.id());
        return channels == null ? 0 : channels.size();
    }

    public Set<String> subscribedChannels(LiveConnection connection) {
        Set<String> channels = byConnection.get(connection.id());
        return channels == null ? Set.of() : Set.copyOf(channels);
    }

    @Override
    public boolean isSubscribed(String channel, Session session) {
        return subscriptionMetadata(channel, session).isPresent();
    }

    public boolean isSubscribed(String channel, LiveConnection connection) {
        Map<String, Entry> entries = byChannel.get(channel);
        return entries != null && entries.containsKey(connection.id());
    }

    @Override
    public Optional<Map<String, Object>> subscriptionMetadata(String channel, Session session) {
        Optional<LiveConnection> connection = connections.live(session);
        Map<String, Entry> entries = channel == null ? null : byChannel.get(channel);
        if (connection.isEmpty() || entries == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(entries.get(connection.get().id())).map(Entry::metadata);
    }

    @Override
    public Set<String> channels() {
        Set<String> channels = cluster.remote().channels();
        channels.addAll(byChannel.keySet());
        return Set.copyOf(channels);
    }

    @Override
    public int cleanup(Session session) {
        return connections.live(session).map(this::cleanup).orElse(0);
    }

    private int cleanup(LiveConnection connection) {
        Set<String> channels = byConnection.get(connection.id());
        if (channels == null) {
            return 0;
        }
        int removed = 0;
        for (String channel : Set.copyOf(channels)) {
            if (unsubscribe(channel, connection)) {
                removed++;
            }
        }
        return removed;
    }

    @Override
    public void connectionClosed(LiveConnection connection) {
        cleanup(connection);
    }
}
