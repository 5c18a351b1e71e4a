package io.hauyna.jakarta.internal.presence;

import io.hauyna.jakarta.Subscription;
import io.hauyna.jakarta.internal.HauynaScheduler;
import io.hauyna.jakarta.internal.channel.ChannelRegistry;
import io.hauyna.jakarta.internal.cluster.ClusterNode;
import io.hauyna.jakarta.internal.cluster.Replica;
import io.hauyna.jakarta.internal.config.HauynaSettings;
import io.hauyna.jakarta.internal.connection.ConnectionRegistry;
import io.hauyna.jakarta.internal.connection.EncodedMessage;
import io.hauyna.jakarta.internal.connection.LiveConnection;
import io.hauyna.jakarta.internal.connection.MessageEncoder;
import io.hauyna.jakarta.internal.protocol.JsonValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Presence on the wire, per channel. Changes only mark a channel dirty; once per diff interval the
 * scheduler thread compares each dirty channel's presence with what it last announced and sends
 * one {@code presence_state} to each new subscriber and one {@code presence_diff} to each of the
 * others, each encoded once. A burst of N joins therefore costs about one frame per subscriber per
 * interval, not N.
 *
 * <p>Who is new is decided at the flush, from what each subscriber has already been sent, not from
 * notes taken on the joining thread: a join that lands in the registry while a flush runs would
 * otherwise get the diff (the joins since the last flush, without those before it) and never the
 * state. A subscriber that left and joined again between two flushes is in {@code departed} and gets
 * a fresh state too.
 */
@ApplicationScoped
public class PresenceChannels {

    /** What a channel's subscribers were last told about one entry. */
    private record Announced(String identifier, Map<String, Object> meta) {
    }

    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    /** Per channel, connections that unsubscribed since the last flush; added to inside compute only. */
    private final Map<String, Set<String>> departed = new ConcurrentHashMap<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    /** Touched by the scheduler thread only. */
    private final Map<String, Map<String, Announced>> announced = new HashMap<>();
    /** Touched by the scheduler thread only: per channel, the connections that were sent its state. */
    private final Map<String, Set<String>> informed = new HashMap<>();

    @Inject
    HauynaSettings settings;

    @Inject
    ChannelRegistry channels;

    @Inject
    PresenceRegistry presence;

    @Inject
    ConnectionRegistry connections;

    @Inject
    MessageEncoder encoder;

    @Inject
    HauynaScheduler scheduler;

    @Inject
    ClusterNode cluster;

    boolean carriesPresence(String channel) {
        for (String prefix : settings.presenceChannelPrefixes()) {
            if (prefix.equals("*") || channel.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** A subscription was added or its metadata replaced. */
    public void subscribed(String channel) {
        if (carriesPresence(channel)) {
            markDirty(channel);
        }
    }

    public void unsubscribed(String channel, LiveConnection connection) {
        if (!carriesPresence(channel)) {
            return;
        }
        // compute, not computeIfAbsent(...).add: a flush removing the set meanwhile must not lose the id
        departed.compute(channel, (name, ids) -> {
            Set<String> left = ids == null ? new HashSet<>() : ids;
            left.add(connection.id());
            return left;
        });
        markDirty(channel);
    }

    /** A user's status or state changed: every presence channel one of their connections is in changes. */
    void identifierChanged(String identifier) {
        if (settings.presenceChannelPrefixes().isEmpty()) {
            return;
        }
        for (LiveConnection connection : connections.liveConnectionsOf(identifier)) {
            for (String channel : channels.subscribedChannels(connection)) {
                if (carriesPresence(channel)) {
                    markDirty(channel);
                }
            }
        }
        if (cluster.clustered()) {
            channelsChanged(cluster.remote().channelsOf(identifier));
        }
    }

    /** Subscriptions on another node changed, or another node left: their presence channels change. */
    public void channelsChanged(Set<String> changed) {
        for (String channel : changed) {
            if (carriesPresence(channel)) {
                markDirty(channel);
            }
        }
    }

    private void markDirty(String channel) {
        dirty.add(channel);
        if (flushScheduled.compareAndSet(false, true)) {
            scheduler.schedule(this::flush, settings.presenceDiffInterval());
        }
    }

    private void flush() {
        flushScheduled.set(false);
        for (String channel : List.copyOf(dirty)) {
            dirty.remove(channel);
            flush(channel);
        }
    }

    private void flush(String channel) {
        List<Subscription> subscriptions = channels.subscriptions(channel);
        Map<String, Announced> now = new LinkedHashMap<>();
        Set<String> local = new HashSet<>();
        for (Subscription subscription : subscriptions) {
            LiveConnection connection = (LiveConnection) subscription.connection();
            local.add(connection.id());
            now.put(connection.id(), new Announced(connection.identifier(), meta(connection.id(), connection.identifier(),
                    subscription.metadata(), presence.connectionState(connection))));
        }
        if (cluster.clustered()) {
            for (Replica.Subscription remote : cluster.remote().subscriptions(channel)) {
                now.put(remote.connectionId(), new Announced(remote.identifier(), meta(remote.connectionId(), remote.identifier(),
                        JsonValues.parseObject(remote.metadata()), presence.remoteConnectionState(remote.identifier(), remote.connectionId()))));
            }
        }
        Map<String, Announced> before = announced.getOrDefault(channel, Map.of());
        Map<String, Object> joins = new LinkedHashMap<>();
        Map<String, Object> leaves = new LinkedHashMap<>();
        before.forEach((ref, was) -> {
            Announced is = now.get(ref);
            if (is == null || !is.equals(was)) {
                addMeta(leaves, was);
            }
        });
        now.forEach((ref, is) -> {
            if (!is.equals(before.get(ref))) {
                addMeta(joins, is);
            }
        });
        if (now.isEmpty()) {
            announced.remove(channel);
        } else {
            announced.put(channel, now);
        }
        send(channel, subscriptions, fresh(channel, local), now, joins, leaves);
    }

    /** @return the subscribers on this node that have not been sent the channel's state since they (last) joined */
    private Set<String> fresh(String channel, Set<String> subscribers) {
        Set<String> told = new HashSet<>(informed.getOrDefault(channel, Set.of()));
        Set<String> left = departed.remove(channel);
        if (left != null) {
            told.removeAll(left);
        }
        Set<String> fresh = new HashSet<>(subscribers);
        fresh.removeAll(told);
        if (subscribers.isEmpty()) {
            informed.remove(channel);
        } else {
            informed.put(channel, new HashSet<>(subscribers));
        }
        return fresh;
    }

    private void send(String channel, List<Subscription> subscriptions, Set<String> fresh, Map<String, Announced> now,
                      Map<String, Object> joins, Map<String, Object> leaves) {
        EncodedMessage state = null;
        if (!fresh.isEmpty()) {
            Map<String, Object> presences = new LinkedHashMap<>();
            now.values().forEach(entry -> addMeta(presences, entry));
            state = encoder.encode(frame("presence_state", channel, "presences", presences, null, null));
        }
        EncodedMessage diff = joins.isEmpty() && leaves.isEmpty() ? null
                : encoder.encode(frame("presence_diff", channel, "joins", joins, "leaves", leaves));
        for (Subscription subscription : subscriptions) {
            LiveConnection connection = (LiveConnection) subscription.connection();
            EncodedMessage message = fresh.contains(connection.id()) ? state : diff;
            if (message != null) {
                connection.offer(message);
            }
        }
    }

    /** An entry as the wire shows it: its ref, the user's status, then subscription and presence state. */
    private Map<String, Object> meta(String ref, String identifier, Map<String, Object> subscriptionMetadata, Map<String, Object> state) {
        String status = presence.status(identifier).wireName();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("ref", ref);
        meta.put("status", status);
        meta.putAll(subscriptionMetadata);
        meta.putAll(state);
        // Again, so that a client's own "ref" or "status" keys cannot pass for the server's (the order stays).
        meta.put("ref", ref);
        meta.put("status", status);
        return meta;
    }

    @SuppressWarnings("unchecked")
    private static void addMeta(Map<String, Object> byIdentifier, Announced entry) {
        Map<String, Object> holder = (Map<String, Object>) byIdentifier.computeIfAbsent(entry.identifier(),
                id -> new LinkedHashMap<>(Map.of("metas", new ArrayList<>())));
        ((List<Object>) holder.get("metas")).add(entry.meta());
    }

    private static Map<String, Object> frame(String type, String channel, String key1, Object value1, String key2, Object value2) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        frame.put("channel", channel);
        frame.put(key1, value1);
        if (key2 != null) {
            frame.put(key2, value2);
        }
        return frame;
    }
}
