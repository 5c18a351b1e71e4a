package io.hauyna.jakarta.internal.presence;

import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.Presence;
import io.hauyna.jakarta.PresenceChanged;
import io.hauyna.jakarta.PresenceInfo;
import io.hauyna.jakarta.PresenceStatus;
import io.hauyna.jakarta.internal.HauynaScheduler;
import io.hauyna.jakarta.internal.channel.ChannelRegistry;
import io.hauyna.jakarta.internal.cluster.ClusterNode;
import io.hauyna.jakarta.internal.cluster.Replica;
import io.hauyna.jakarta.internal.config.HauynaSettings;
import io.hauyna.jakarta.internal.config.Limits;
import io.hauyna.jakarta.internal.connection.ConnectionListener;
import io.hauyna.jakarta.internal.connection.ConnectionRegistry;
import io.hauyna.jakarta.internal.connection.LiveConnection;
import io.hauyna.jakarta.internal.connection.MessageEncoder;
import io.hauyna.jakarta.internal.protocol.JsonValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The {@link Presence} bean. One entry per tracked connection (ref = connection id) or per
 * server-side track (ref = {@value #SERVER_REF}); a person's entries and status change only inside
 * {@code people.compute} for that identifier, and events fire after it returns.
 */
@ApplicationScoped
public class PresenceRegistry implements Presence, ConnectionListener {

    static final String SERVER_REF = "server";

    /** Guarded by {@code people.compute} for its identifier. */
    private static final class Person {
        /** One entry per connection of the person: sized for the one or two most people have, not sixteen. */
        final Map<String, Map<String, Object>> entries = new LinkedHashMap<>(2);
        volatile PresenceStatus status = PresenceStatus.ONLINE;
        final Instant since = Instant.now();

        PresenceInfo snapshot(String identifier) {
            List<Map<String, Object>> metas = new ArrayList<>();
            entries.forEach((ref, state) -> {
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("ref", ref);
                meta.putAll(state);
                metas.add(meta);
            });
            return new PresenceInfo(identifier, status, metas, since);
        }
    }

    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    @Inject
    HauynaSettings settings;

    @Inject
    ConnectionRegistry connections;

    @Inject
    ChannelRegistry channels;

    @Inject
    PresenceChannels wire;

    @Inject
    HauynaScheduler scheduler;

    @Inject
    MessageEncoder encoder;

    @Inject
    Event<Object> events;

    @Inject
    ClusterNode cluster;

    /** With other nodes: each present identifier's status across all nodes, as last announced by {@link PresenceChanged}. */
    private final Map<String, PresenceStatus> announced = new ConcurrentHashMap<>();

    // ---- connection life -------------------------------------------------------------------

    @Override
    public void connectionOpened(LiveConnection connection) {
        // An operator watching the console is not one of the application's users.
        if (settings.trackConnections() && !HauynaSettings.CONSOLE_ROUTE.equals(connection.route())) {
            put(connection.identifier(), connection.id(), state -> Map.of(), false);
        }
    }

    @Override
    public void connectionActive(LiveConnection connection) {
        Person person = people.get(connection.identifier());
        if (person != null && person.status == PresenceStatus.AWAY) {
            transition(connection.identifier(), PresenceStatus.AWAY, PresenceStatus.ONLINE);
        }
    }

    @Override
    public void connectionClosed(LiveConnection connection) {
        remove(connection.identifier(), connection.id());
    }

    // ---- API -------------------------------------------------------------------------------

    @Override
    public void track(Session session, Map<String, Object> metadata) {
        LiveConnection connection = registered(session);
        Map<String, Object> state = Map.copyOf(metadata);
        put(connection.identifier(), connection.id(), previous -> state, true);
    }

    @Override
    public void track(String identifier, Map<String, Object> metadata) {
        Objects.requireNonNull(identifier, "identifier");
        Map<String, Object> state = Map.copyOf(metadata);
        put(identifier, SERVER_REF, previous -> state, true);
    }

    /**
     * Merges a client's {@code presence_update} into its connection's entry, creating it if untracked.
     *
     * @param maxBytes the largest merged state, as JSON; 0 for no limit
     * @throws io.hauyna.jakarta.HauynaException {@code limit_exceeded} when the merged state would be larger; nothing changes
     */
    public void mergeConnectionState(LiveConnection connection, Map<String, Object> updates, int maxBytes) {
        put(connection.identifier(), connection.id(), previous -> withinLimit(merged(previous, updates), maxBytes), true);
    }

    /** Measured as the wire will carry it: JSON-B, which also encodes what server code put there (dates, enums, records). */
    private Map<String, Object> withinLimit(Map<String, Object> state, int maxBytes) {
        if (maxBytes > 0) {
            long bytes = encoder.encode(state).bytes();
            if (bytes > maxBytes) {
                throw Limits.exceeded("The presence state would have " + bytes + " bytes as JSON; send less",
                        "presence-state-bytes", maxBytes, HauynaConfigKeys.LIMITS_PRESENCE_STATE_BYTES);
            }
        }
        return state;
    }

    @Override
    public void untrack(Session session) {
        connections.live(session).ifPresent(connection -> remove(connection.identifier(), connection.id()));
    }

    @Override
    public void untrack(String identifier) {
        untrackHere(identifier);
        cluster.publishPresenceChange(identifier, null);
    }

    private void untrackHere(String identifier) {
        AtomicReference<PresenceStatus> before = new AtomicReference<>();
        people.computeIfPresent(identifier, (id, person) -> {
            before.set(person.status);
            cluster.unreplicate(new Replica.Fragment(id, person.status, 0, null));
            return null;
        });
        if (before.get() != null) {
            wentOffline(identifier, before.get());
        }
    }

    @Override
    public boolean updateState(String identifier, Map<String, Object> updates) {
        boolean elsewhere = identifier != null && !cluster.remote().fragments(identifier).isEmpty();
        boolean here = updateStateHere(identifier, updates);
        if (here || elsewhere) {
            cluster.publishPresenceChange(identifier, encoder.encode(updates).text());
        }
        return here || elsewhere;
    }

    private boolean updateStateHere(String identifier, Map<String, Object> updates) {
        AtomicBoolean present = new AtomicBoolean();
        people.computeIfPresent(identifier, (id, person) -> {
            person.entries.replaceAll((ref, state) -> merged(state, updates));
            present.set(true);
            replicate(id, person);
            return person;
        });
        if (present.get()) {
            wire.identifierChanged(identifier);
        }
        return present.get();
    }

    /**
     * Applies another node's {@link #untrack(String)} or {@link #updateState} to this node's entries of the identifier.
     *
     * @param updates the updates as a JSON object, or {@code null} to untrack
     */
    public void applyPresenceChange(String identifier, String updates) {
        if (updates == null) {
            untrackHere(identifier);
        } else {
            updateStateHere(identifier, JsonValues.parseObject(updates));
        }
    }

    @Override
    public Optional<PresenceInfo> state(String identifier) {
        AtomicReference<PresenceInfo> snapshot = new AtomicReference<>();
        if (identifier != null) {
            people.computeIfPresent(identifier, (id, person) -> {
                snapshot.set(person.snapshot(id));
                return person;
            });
        }
        List<Replica.Fragment> remote = identifier == null ? List.of() : cluster.remote().fragments(identifier);
        if (remote.isEmpty()) {
            return Optional.ofNullable(snapshot.get());
        }
        List<Map<String, Object>> metas = new ArrayList<>(snapshot.get() == null ? List.of() : snapshot.get().metas());
        Instant since = snapshot.get() == null ? Instant.MAX : snapshot.get().since();
        for (Replica.Fragment fragment : remote) {
            JsonValues.parseObject(fragment.entries()).forEach((ref, state) -> {
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("ref", ref);
                meta.putAll(castMap(state));
                metas.add(meta);
            });
            since = since.isBefore(Instant.ofEpochMilli(fragment.sinceMillis())) ? since : Instant.ofEpochMilli(fragment.sinceMillis());
        }
        return Optional.of(new PresenceInfo(identifier, status(identifier), metas, since));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object state) {
        return (Map<String, Object>) state;
    }

    /** The status of a user across every node (online on any, else away on any), or offline; cheap, for building wire metas. */
    PresenceStatus status(String identifier) {
        Person person = people.get(identifier);
        PresenceStatus status = person == null ? PresenceStatus.OFFLINE : person.status;
        if (status == PresenceStatus.ONLINE || !cluster.clustered()) {
            return status;
        }
        for (Replica.Fragment fragment : cluster.remote().fragments(identifier)) {
            if (fragment.status() == PresenceStatus.ONLINE) {
                return PresenceStatus.ONLINE;
            }
            status = PresenceStatus.AWAY;
        }
        return status;
    }

    /**
     * The state attached to a remote connection's entry, or empty.
     *
     * @param identifier whose connection it is
     * @param ref        the connection's id
     */
    Map<String, Object> remoteConnectionState(String identifier, String ref) {
        for (Replica.Fragment fragment : cluster.remote().fragments(identifier)) {
            Object state = JsonValues.parseObject(fragment.entries()).get(ref);
            if (state != null) {
                return castMap(state);
            }
        }
        return Map.of();
    }

    /** Another node changed what it holds of this identifier's presence. */
    public void remoteChanged(String identifier) {
        announce(identifier, null, null);
        wire.identifierChanged(identifier);
    }

    /** The state attached to one connection's entry, or empty. */
    Map<String, Object> connectionState(LiveConnection connection) {
        AtomicReference<Map<String, Object>> state = new AtomicReference<>(Map.of());
        people.computeIfPresent(connection.identifier(), (id, person) -> {
            state.set(person.entries.getOrDefault(connection.id(), Map.of()));
            return person;
        });
        return state.get();
    }

    @Override
    public boolean isPresent(String identifier) {
        return identifier != null && (people.containsKey(identifier) || !cluster.remote().fragments(identifier).isEmpty());
    }

    /** @return every identifier present on this node or another */
    private java.util.Set<String> presentIdentifiers() {
        java.util.Set<String> identifiers = cluster.remote().presentIdentifiers();
        identifiers.addAll(people.keySet());
        return identifiers;
    }

    @Override
    public List<PresenceInfo> list() {
        return listBy(info -> true);
    }

    @Override
    public List<PresenceInfo> list(String channel, String group) {
        return listBy(info -> (channel == null || channels.subscribers(channel).contains(info.identifier()))
                && (group == null || connections.isInGroup(info.identifier(), group)));
    }

    @Override
    public List<PresenceInfo> listBy(Predicate<PresenceInfo> criteria) {
        return presentIdentifiers().stream()
                .map(this::state)
                .flatMap(Optional::stream)
                .filter(criteria)
                .sorted(Comparator.comparing(PresenceInfo::identifier))
                .toList();
    }

    @Override
    public boolean presentIn(String identifier, String context) {
        return isPresent(identifier) && inContext(identifier, context);
    }

    @Override
    public int count() {
        return cluster.clustered() ? presentIdentifiers().size() : people.size();
    }

    @Override
    public int countBy(String context) {
        return (int) presentIdentifiers().stream().filter(identifier -> inContext(identifier, context)).count();
    }

    @Override
    public List<PresenceInfo> inChannel(String channel) {
        return list(channel, null);
    }

    @Override
    public List<PresenceInfo> inGroup(String group) {
        return list(null, group);
    }

    private boolean inContext(String identifier, String context) {
        return context != null && (channels.subscribers(context).contains(identifier) || connections.isInGroup(identifier, context));
    }

    // ---- state changes ---------------------------------------------------------------------

    /** Sets one entry; the first entry of a person makes them online. */
    private void put(String identifier, String ref, UnaryOperator<Map<String, Object>> newState, boolean replace) {
        AtomicBoolean cameOnline = new AtomicBoolean();
        people.compute(identifier, (id, person) -> {
            Person present = person == null ? new Person() : person;
            cameOnline.set(person == null);
            Map<String, Object> previous = present.entries.get(ref);
            if (previous == null || replace) {
                present.entries.put(ref, newState.apply(previous == null ? Map.of() : previous));
            }
            replicate(id, present);
            return present;
        });
        startSweeping();
        if (cameOnline.get()) {
            announce(identifier, PresenceStatus.OFFLINE, PresenceStatus.ONLINE);
        }
        wire.identifierChanged(identifier);
    }

    /** Removes one entry; the last entry takes the person offline. */
    private void remove(String identifier, String ref) {
        AtomicReference<PresenceStatus> wentOfflineFrom = new AtomicReference<>();
        AtomicBoolean removed = new AtomicBoolean();
        people.computeIfPresent(identifier, (id, person) -> {
            removed.set(person.entries.remove(ref) != null);
            if (person.entries.isEmpty()) {
                wentOfflineFrom.set(person.status);
                cluster.unreplicate(new Replica.Fragment(id, person.status, 0, null));
                return null;
            }
            if (removed.get()) {
                replicate(id, person);
            }
            return person;
        });
        if (wentOfflineFrom.get() != null) {
            wentOffline(identifier, wentOfflineFrom.get());
        } else if (removed.get()) {
            wire.identifierChanged(identifier);
        }
    }

    private void wentOffline(String identifier, PresenceStatus before) {
        announce(identifier, before, PresenceStatus.OFFLINE);
        wire.identifierChanged(identifier);
    }

    /**
     * Fires {@link PresenceChanged} for a change of this node's part of a person. Alone, that part is
     * the person. With other nodes, the event is for the person's status across all nodes, and only
     * when that status changed; every node fires it (there is no leader), so a survivor also fires
     * the offline events of a node that died.
     *
     * @param from the status of this node's part before, or {@code null} when the change was on another node
     * @param to   the status of this node's part after
     */
    private void announce(String identifier, PresenceStatus from, PresenceStatus to) {
        if (!cluster.clustered()) {
            events.fire(new PresenceChanged(identifier, from, to));
            return;
        }
        PresenceStatus[] change = new PresenceStatus[2];
        announced.compute(identifier, (id, before) -> {
            PresenceStatus was = before == null ? PresenceStatus.OFFLINE : before;
            PresenceStatus now = status(id);
            if (was != now) {
                change[0] = was;
                change[1] = now;
            }
            return now == PresenceStatus.OFFLINE ? null : now;
        });
        if (change[0] != null) {
            events.fire(new PresenceChanged(identifier, change[0], change[1]));
        }
    }

    /** Inside the person's compute, so that the other nodes see this node's part change in order. */
    private void replicate(String identifier, Person person) {
        if (cluster.clustered()) {
            cluster.replicate(new Replica.Fragment(identifier, person.status, person.since.toEpochMilli(),
                    encoder.encode(person.entries).text()));
        }
    }

    /** Moves a present person from one status to another, if they are still in it. */
    private void transition(String identifier, PresenceStatus from, PresenceStatus to) {
        AtomicBoolean changed = new AtomicBoolean();
        people.computeIfPresent(identifier, (id, person) -> {
            if (person.status == from) {
                person.status = to;
                changed.set(true);
                replicate(id, person);
            }
            return person;
        });
        if (changed.get()) {
            announce(identifier, from, to);
            wire.identifierChanged(identifier);
        }
    }

    /** One periodic task for everyone: online users idle for longer than away-after become away. */
    private void startSweeping() {
        if (sweeping.compareAndSet(false, true)) {
            Duration awayAfter = settings.awayAfter();
            Duration every = Duration.ofMillis(Math.max(100, Math.min(5_000, awayAfter.toMillis() / 4)));
            scheduler.scheduleRepeatedly(this::markIdleUsersAway, every);
        }
    }

    void markIdleUsersAway() {
        Instant idleSince = Instant.now().minus(settings.awayAfter());
        for (Map.Entry<String, Person> entry : people.entrySet()) {
            if (entry.getValue().status == PresenceStatus.ONLINE && idle(entry.getKey(), idleSince)) {
                transition(entry.getKey(), PresenceStatus.ONLINE, PresenceStatus.AWAY);
            }
        }
    }

    /** A server-side entry never idles; connections idle when none was active since {@code idleSince}. */
    private boolean idle(String identifier, Instant idleSince) {
        AtomicBoolean serverEntry = new AtomicBoolean();
        people.computeIfPresent(identifier, (id, present) -> {
            serverEntry.set(present.entries.containsKey(SERVER_REF));
            return present;
        });
        if (serverEntry.get()) {
            return false;
        }
        return connections.connectionsOf(identifier).stream().noneMatch(c -> c.lastActivity().isAfter(idleSince));
    }

    private LiveConnection registered(Session session) {
        return connections.live(session).orElseThrow(() -> new IllegalStateException("Session " + session.getId()
                + " is not registered: track from @OnOpen or later of an endpoint that uses HauynaConfigurator"));
    }

    private static Map<String, Object> merged(Map<String, Object> state, Map<String, Object> updates) {
        Map<String, Object> merged = new LinkedHashMap<>(state);
        merged.putAll(updates);
        return Map.copyOf(merged);
    }
}
