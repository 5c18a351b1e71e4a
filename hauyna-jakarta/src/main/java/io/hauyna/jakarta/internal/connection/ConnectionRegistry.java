package io.hauyna.jakarta.internal.connection;

import io.hauyna.jakarta.Connection;
import io.hauyna.jakarta.ConnectionClosed;
import io.hauyna.jakarta.ConnectionOpened;
import io.hauyna.jakarta.Connections;
import io.hauyna.jakarta.ErrorType;
import io.hauyna.jakarta.Handshake;
import io.hauyna.jakarta.HauynaCloseCodes;
import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.MessageRejected;
import io.hauyna.jakarta.internal.FailureLog;
import io.hauyna.jakarta.internal.HauynaScheduler;
import io.hauyna.jakarta.internal.ThrottledLog;
import io.hauyna.jakarta.internal.cluster.ClusterNode;
import io.hauyna.jakarta.internal.cluster.Replica;
import io.hauyna.jakarta.internal.config.HauynaSettings;
import io.hauyna.jakarta.internal.config.HeartbeatSettings;
import io.hauyna.jakarta.internal.event.SystemEvents;
import io.hauyna.jakarta.internal.handshake.ClientAddresses;
import io.hauyna.jakarta.internal.handshake.ConnectionRefused;
import io.hauyna.jakarta.internal.handshake.HandshakeCapture;
import io.hauyna.jakarta.internal.handshake.HandshakeGate;
import io.hauyna.jakarta.internal.handshake.HandshakeOutcome;
import io.hauyna.jakarta.internal.metrics.HauynaMetrics;
import io.hauyna.jakarta.internal.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The {@link Connections} bean. Three indexes (by session, by identifier, by group) kept consistent
 * by mutating an identifier's connections and groups only inside {@code users.compute} for that
 * identifier; group index updates nest inside it, never the other way round.
 */
@ApplicationScoped
public class ConnectionRegistry implements Connections {

    private static final Logger LOG = Logger.getLogger(ConnectionRegistry.class.getName());
    private static final String ANONYMOUS_PREFIX = "anonymous:";
    private static final CloseReason RATE_LIMIT_EXCEEDED =
            new CloseReason(HauynaCloseCodes.RATE_LIMIT_EXCEEDED, "Rate limit exceeded");
    private static final int MAX_NAME_LENGTH = 200;

    private final Map<String, LiveConnection> bySessionId = new ConcurrentHashMap<>();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> rolesByGroup = new ConcurrentHashMap<>();
    /** Counted only when a total limit is configured. */
    private final AtomicInteger total = new AtomicInteger();
    /** The size of {@code rolesByGroup}, changed only inside its compute calls. */
    private final AtomicInteger groupCount = new AtomicInteger();
    /** Open connections per client address, when that limit is on; an address leaves with its last connection. */
    private final Map<String, Integer> byAddress = new ConcurrentHashMap<>();
    private final ThrottledLog refusedAddresses = new ThrottledLog(LOG);

    @Inject
    GracefulShutdown shutdown;

    @Inject
    HauynaSettings settings;

    @Inject
    HandshakeGate gate;

    @Inject
    MessageEncoder encoder;

    @Inject
    Fanout fanout;

    @Inject
    ClusterNode cluster;

    @Inject
    SessionCloser closer;

    @Inject
    SystemEvents systemEvents;

    @Inject
    HauynaScheduler scheduler;

    @Inject
    FailureLog failures;

    @Inject
    HauynaMetrics metrics;

    @Inject
    @Any
    Instance<ConnectionListener> listeners;

    private volatile List<ConnectionListener> resolvedListeners;

    /** One identifier's open connections and group roles; guarded by {@code users.compute}. */
    private static final class User {
        /**
         * In opening order; replaced, never changed, so that a send reads it without the lock
         * (a user has a handful of connections, so copying on the rare change is cheap).
         */
        volatile List<LiveConnection> connections = List.of();
        /** Group to role; created by the first {@link #joinedGroup}, since most users are in no group. */
        volatile Map<String, String> roles = Map.of();

        void joinedGroup(String group, String role) {
            if (!(roles instanceof ConcurrentHashMap)) {
                roles = new ConcurrentHashMap<>(roles);
            }
            roles.put(group, role);
        }

        boolean leftGroup(String group) {
            return roles instanceof ConcurrentHashMap && roles.remove(group) != null;
        }

        void add(LiveConnection connection) {
            List<LiveConnection> more = new ArrayList<>(connections);
            more.add(connection);
            connections = List.copyOf(more);
        }

        void remove(LiveConnection connection) {
            connections = connections.stream().filter(open -> open != connection).toList();
        }
    }

    @Override
    public Connection register(Session session) {
        return register(session, null);
    }

    /** @param endpointClass the endpoint's class, for its {@link io.hauyna.jakarta.Heartbeat}; {@code null} if unknown */
    public Connection register(Session session, Class<?> endpointClass) {
        return register(session, endpointClass, null);
    }

    /**
     * @param endpointClass the endpoint's class, for its {@link io.hauyna.jakarta.Heartbeat}; {@code null} if unknown
     * @param heartbeat     the route's heartbeat, or {@code null} to take the endpoint's or the configuration's
     * @throws ConnectionRefused when the handshake was refused or a connection limit is reached
     */
    public LiveConnection register(Session session, Class<?> endpointClass, HeartbeatSettings heartbeat) {
        LiveConnection existing = bySessionId.get(session.getId());
        if (existing != null) {
            return existing;
        }
        HandshakeCapture.Taken captured = HandshakeCapture.take(session.getUserProperties());
        Handshake handshake = captured.handshake() != null ? captured.handshake() : Handshake.of(session);
        // for a connection registered without the configurator, identification runs now (no filters
        // or origin check: the headers are not known)
        HandshakeOutcome outcome = captured.outcome() != null ? captured.outcome() : gate.identify(handshake, Map.of());
        if (outcome.isRefused()) {
            if (captured.outcome() == null) {
                // Decided here, not by the gate's upgrade check, which counts its own refusals.
                metrics.handshakeRefused(outcome.status());
            }
            // Without a servlet filter the refusal is a close: one the client reconnects after, for a stopping server.
            CloseReason.CloseCode code = outcome.status() == 503 ? CloseReason.CloseCodes.getCloseCode(settings.shutdownCloseCode())
                    : HauynaCloseCodes.HANDSHAKE_REFUSED;
            throw new ConnectionRefused(ConnectionRefused.closeReason(code, outcome.reason()));
        }
        String id = UUID.randomUUID().toString();
        Optional<String> identified = outcome.identifier();
        LiveConnection connection = new LiveConnection(id, identified.orElse(ANONYMOUS_PREFIX + id), identified.isEmpty(),
                session, kept(handshake), this::groupsOf, settings, encoder, closer,
                heartbeat == null ? HeartbeatSettings.of(endpointClass, settings) : heartbeat, outcome.credentialsExpireAt(),
                outcome.clientAddress(), metrics);
        outcome.attachments().forEach(connection::putMetadata);
        LiveConnection raced = bySessionId.putIfAbsent(session.getId(), connection);
        if (raced != null) {
            return raced;
        }
        if (shutdown.draining()) {
            // Upgraded as the application began to stop. Checked after the insert: a stop that began
            // earlier either finds this connection in its closing pass or is seen here.
            bySessionId.remove(session.getId());
            metrics.handshakeRefused(503);
            throw new ConnectionRefused(new CloseReason(CloseReason.CloseCodes.getCloseCode(settings.shutdownCloseCode()),
                    "Server shutting down"));
        }
        try {
            admit(connection);
        } catch (ConnectionRefused refused) {
            bySessionId.remove(session.getId());
            metrics.connectionRefused();
            throw refused;
        }
        if (!connection.limitsTaken()) {
            // Unregistered while it was being admitted: give back what admit took, as unregister could not.
            releaseLimits(connection);
            forgetInUsers(connection);
            throw new ConnectionRefused(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "Closed while connecting"));
        }
        cluster.replicate(new Replica.Connection(connection.id(), connection.identifier()));
        forEachListener(connection, "opening", ConnectionListener::connectionOpened);
        metrics.connectionOpened();
        systemEvents.fire(new ConnectionOpened(connection.id(), connection.identifier()));
        return connection;
    }

    /** Takes a place under each connection limit in turn, giving back those taken when a later one refuses. */
    private void admit(LiveConnection connection) {
        int max = settings.maxConnectionsTotal();
        if (max > 0 && total.incrementAndGet() > max) {
            total.decrementAndGet();
            throw new ConnectionRefused(new CloseReason(HauynaCloseCodes.TOO_MANY_CONNECTIONS,
                    "Server connection limit reached (" + max + "): try again later"));
        }
        try {
            admitFromAddress(connection);
            try {
                admitForIdentifier(connection);
            } catch (ConnectionRefused refused) {
                releaseAddress(connection);
                throw refused;
            }
        } catch (ConnectionRefused refused) {
            if (max > 0) {
                total.decrementAndGet();
            }
            throw refused;
        }
    }

    private void admitFromAddress(LiveConnection connection) {
        int max = settings.maxConnectionsPerAddress();
        String address = addressKey(connection);
        if (max == 0 || address == null) {
            return;
        }
        AtomicBoolean overLimit = new AtomicBoolean();
        byAddress.compute(address, (key, open) -> {
            int count = open == null ? 0 : open;
            if (count >= max) {
                overLimit.set(true);
                return open;
            }
            return count + 1;
        });
        if (overLimit.get()) {
            refusedAddresses.log(Level.INFO, "address", () -> "Hauyna refused a connection from " + address + ": it has " + max
                    + " open, the limit (" + HauynaConfigKeys.LIMITS_CONNECTIONS_PER_ADDRESS + "); behind a reverse proxy, list it in "
                    + HauynaConfigKeys.LIMITS_TRUSTED_PROXIES);
            throw new ConnectionRefused(new CloseReason(HauynaCloseCodes.TOO_MANY_CONNECTIONS,
                    "Too many connections from your address (at most " + max + "): close some first"));
        }
    }

    /** @return what the per-address limit counts the connection under, or {@code null} when its address is unknown */
    private static String addressKey(LiveConnection connection) {
        return connection.clientAddress() == null ? null : ClientAddresses.limitKey(connection.clientAddress());
    }

    private void releaseAddress(LiveConnection connection) {
        String address = addressKey(connection);
        if (settings.maxConnectionsPerAddress() > 0 && address != null) {
            byAddress.computeIfPresent(address, (key, open) -> open <= 1 ? null : open - 1);
        }
    }

    private void admitForIdentifier(LiveConnection connection) {
        AtomicBoolean overLimit = new AtomicBoolean();
        int perIdentifier = settings.maxConnectionsPerIdentifier();
        users.compute(connection.identifier(), (identifier, user) -> {
            User present = user == null ? new User() : user;
            if (perIdentifier > 0 && present.connections.size() >= perIdentifier) {
                overLimit.set(true);
                return user;
            }
            present.add(connection);
            if (user == null && cluster.clustered()) {
                adoptMemberships(identifier, present);
            }
            return present;
        });
        if (overLimit.get()) {
            throw new ConnectionRefused(new CloseReason(HauynaCloseCodes.TOO_MANY_CONNECTIONS,
                    "Too many connections for this user (at most " + perIdentifier + "): close another tab or device"));
        }
    }

    /**
     * The first connection of an identifier on this node takes over the groups other nodes hold for
     * it, so that its memberships outlive the connections of the node that added them.
     */
    private void adoptMemberships(String identifier, User user) {
        cluster.remote().rolesOf(identifier).forEach((group, role) -> {
            try {
                joinGroup(identifier, user, group, role);
            } catch (IllegalStateException groupLimit) {
                LOG.warning(() -> "Hauyna cluster: " + identifier + " is not in group '" + group + "' on this node: " + groupLimit.getMessage());
            }
        });
    }

    /** What a connection keeps of its handshake: no credentials (headers not configured, the token query parameter). */
    private Handshake kept(Handshake handshake) {
        Handshake withoutHeaders = handshake.withOnlyHeaders(settings.handshakeHeaders());
        return settings.tokenQueryParameter().map(withoutHeaders::withoutQueryParameter).orElse(withoutHeaders);
    }

    @Override
    public Optional<Connection> unregister(Session session) {
        return unregister(session, null);
    }

    /** @param reason what the container reported to {@code @OnClose}, or {@code null} when not seen */
    public Optional<Connection> unregister(Session session, CloseReason reason) {
        LiveConnection connection = bySessionId.remove(session.getId());
        if (connection == null) {
            return Optional.empty();
        }
        if (connection.releaseLimits()) {
            releaseLimits(connection);
        }
        connection.markUnregistered();
        cluster.unreplicate(new Replica.Connection(connection.id(), connection.identifier()));
        forgetInUsers(connection);
        notifyClosed(connection);
        // What @OnClose saw, else what Hauyna closed with: the event and the counters tell the same code.
        CloseReason known = reason != null ? reason : connection.closedWith();
        countClose(known);
        systemEvents.fire(new ConnectionClosed(connection.id(), connection.identifier(),
                known == null ? ConnectionClosed.NO_STATUS : known.getCloseCode().getCode(),
                known == null || known.getReasonPhrase() == null ? "" : known.getReasonPhrase()));
        return Optional.of(connection);
    }

    /** @param reason the reason seen by {@code @OnClose} or given by Hauyna; {@code null} when neither is known */
    private void countClose(CloseReason reason) {
        if (reason == null) {
            metrics.connectionClosedWithoutCode();
        } else {
            metrics.connectionClosed(reason.getCloseCode().getCode());
        }
    }

    /** Removes the connection from its user; the user's group memberships end with their last connection. */
    private void forgetInUsers(LiveConnection connection) {
        users.computeIfPresent(connection.identifier(), (identifier, user) -> {
            user.remove(connection);
            if (!user.connections.isEmpty()) {
                return user;
            }
            user.roles.keySet().forEach(group -> {
                leaveGroupIndex(identifier, group);
                cluster.unreplicate(new Replica.Membership(identifier, group, null));
            });
            return null;
        });
    }

    /** Gives back the places {@link #admit} took under the total and per-address limits. */
    private void releaseLimits(LiveConnection connection) {
        if (settings.maxConnectionsTotal() > 0) {
            total.decrementAndGet();
        }
        releaseAddress(connection);
    }

    private void notifyClosed(LiveConnection connection) {
        forEachListener(connection, "cleaning up", ConnectionListener::connectionClosed);
    }

    /** Every listener runs, whatever another one throws: a close must clear all state. */
    private void forEachListener(LiveConnection connection, String what, BiConsumer<ConnectionListener, LiveConnection> call) {
        for (ConnectionListener listener : listeners()) {
            try {
                call.accept(listener, connection);
            } catch (RuntimeException e) {
                failures.log(what + " " + connection + " in " + listener.getClass().getName() + " failed", e);
            }
        }
    }

    /** Resolved once: touch() runs for every inbound message. The elements are client proxies. */
    private List<ConnectionListener> listeners() {
        List<ConnectionListener> resolved = resolvedListeners;
        if (resolved == null) {
            resolved = listeners.stream().toList();
            resolvedListeners = resolved;
        }
        return resolved;
    }

    /** @return the registered connection of a session, as the implementation type */
    public Optional<LiveConnection> live(Session session) {
        return Optional.ofNullable(bySessionId.get(session.getId()));
    }

    /**
     * A frame arrived: the connection is alive, and unless it speaks the protocol (which tells
     * pings from user activity itself) the user is active.
     */
    public void frameReceived(Session session) {
        LiveConnection connection = bySessionId.get(session.getId());
        if (connection != null) {
            metrics.frameReceived();
            connection.seen();
            if (!connection.isSpeakingProtocol()) {
                active(connection);
            }
        }
    }

    /**
     * Applies the connection's inbound rate limit to one frame: over the limit it is answered with
     * {@code rate_limited}, and a client that keeps going is closed with 4029.
     *
     * @return {@code true} if the endpoint may handle the frame
     */
    public boolean admitFrame(Session session) {
        LiveConnection connection = bySessionId.get(session.getId());
        if (connection == null) {
            return true;
        }
        switch (connection.admit()) {
            case ACCEPT -> {
                return true;
            }
            case REFUSE -> {
                metrics.rateLimited();
                String message = "Too many messages: at most " + settings.rateLimitDescription() + "; this one was discarded";
                connection.offer(EncodedMessage.of(Frames.error(ErrorType.RATE_LIMITED, message, null)));
                systemEvents.fire(new MessageRejected(connection.id(), connection.identifier(), ErrorType.RATE_LIMITED, message));
                return false;
            }
            default -> {
                // After the rate_limited errors already queued, so the client learns why.
                connection.closeAfterQueued(RATE_LIMIT_EXCEEDED, scheduler, Duration.ofSeconds(2));
                return false;
            }
        }
    }

    /** The user did something: for presence (away, online). */
    public void active(LiveConnection connection) {
        connection.touch();
        forEachListener(connection, "recording activity of", ConnectionListener::connectionActive);
    }

    /** @return this node's open connections and what waits in their outbound queues, walked once */
    public QueueLoad queueLoad() {
        int connections = 0;
        long queued = 0;
        int longest = 0;
        for (LiveConnection connection : bySessionId.values()) {
            int waiting = connection.queuedMessages();
            connections++;
            queued += waiting;
            longest = Math.max(longest, waiting);
        }
        return new QueueLoad(connections, queued, longest);
    }

    /** What {@link #queueLoad()} found: the connections, the messages waiting in all their queues, and in the longest. */
    public record QueueLoad(int connections, long queued, int longest) {
    }

    /** @return every registered connection of this node (a live view, for sweeps: walk it, do not keep it) */
    public Collection<LiveConnection> all() {
        return bySessionId.values();
    }

    @Override
    public Optional<Connection> connection(Session session) {
        return Optional.ofNullable(bySessionId.get(session.getId()));
    }

    @Override
    public Optional<String> identifierOf(Session session) {
        return connection(session).map(Connection::identifier);
    }

    @Override
    public List<Connection> connectionsOf(String identifier) {
        return liveConnectionsOf(identifier).stream()
                .sorted(Comparator.comparing(Connection::openedAt))
                .map(Connection.class::cast)
                .toList();
    }

    public List<LiveConnection> liveConnectionsOf(String identifier) {
        User user = identifier == null ? null : users.get(identifier);
        return user == null ? List.of() : user.connections;
    }

    @Override
    public Set<String> identifiers() {
        Set<String> identifiers = cluster.remote().identifiers();
        identifiers.addAll(users.keySet());
        return Set.copyOf(identifiers);
    }

    @Override
    public int count() {
        return bySessionId.size() + cluster.remote().connectionCount();
    }

    /** @return whether the identifier has a connection on another node, as far as this node knows */
    public boolean connectedElsewhere(String identifier) {
        return cluster.remote().isConnected(identifier);
    }

    @Override
    public boolean addToGroup(String identifier, String group) {
        return addToGroup(identifier, group, DEFAULT_ROLE);
    }

    @Override
    public boolean addToGroup(String identifier, String group, String role) {
        Objects.requireNonNull(identifier, "identifier");
        requireValidName("Group", group);
        requireValidName("Role", role);
        boolean here = joinGroupHere(identifier, group, role);
        cluster.publishGroupChange(identifier, group, role);
        return here || cluster.remote().isConnected(identifier);
    }

    /** @return whether the identifier has a connection on this node, now in the group */
    private boolean joinGroupHere(String identifier, String group, String role) {
        AtomicBoolean added = new AtomicBoolean();
        users.computeIfPresent(identifier, (id, user) -> {
            joinGroup(id, user, group, role);
            added.set(true);
            return user;
        });
        return added.get();
    }

    /** Inside the user's compute. */
    private void joinGroup(String identifier, User user, String group, String role) {
        rolesByGroup.compute(group, (name, roles) -> {
            if (roles == null) {
                countNewGroup();
            }
            Map<String, String> present = roles == null ? new ConcurrentHashMap<>() : roles;
            present.put(identifier, role);
            return present;
        });
        user.joinedGroup(group, role);
        cluster.replicate(new Replica.Membership(identifier, group, role));
    }

    /**
     * Applies a group change another node published to the identifier's connections on this node.
     *
     * @param role the new role, or {@code null} when the identifier left the group
     */
    public void applyGroupChange(String identifier, String group, String role) {
        if (role == null) {
            leaveGroupHere(identifier, group);
            return;
        }
        try {
            joinGroupHere(identifier, group, role);
        } catch (IllegalStateException groupLimit) {
            LOG.warning(() -> "Hauyna cluster: " + identifier + " is not in group '" + group + "' on this node: " + groupLimit.getMessage());
        }
    }

    @Override
    public boolean removeFromGroup(String identifier, String group) {
        if (identifier == null || group == null) {
            return false;
        }
        boolean elsewhere = cluster.remote().rolesOf(identifier).containsKey(group);
        boolean here = leaveGroupHere(identifier, group);
        if (here || elsewhere) {
            cluster.publishGroupChange(identifier, group, null);
        }
        return here || elsewhere;
    }

    private boolean leaveGroupHere(String identifier, String group) {
        AtomicBoolean removed = new AtomicBoolean();
        users.computeIfPresent(identifier, (id, user) -> {
            if (user.leftGroup(group)) {
                leaveGroupIndex(id, group);
                cluster.unreplicate(new Replica.Membership(id, group, null));
                removed.set(true);
            }
            return user;
        });
        return removed.get();
    }

    /** Removes one identifier from a group's index and forgets the group when it empties. */
    private void leaveGroupIndex(String identifier, String group) {
        rolesByGroup.computeIfPresent(group, (name, roles) -> {
            roles.remove(identifier);
            if (roles.isEmpty()) {
                groupCount.decrementAndGet();
                return null;
            }
            return roles;
        });
    }

    /** Inside the group's compute, so the count and the map agree; before the user's role changes. */
    private void countNewGroup() {
        int max = settings.maxGroups();
        if (groupCount.incrementAndGet() > max && max > 0) {
            groupCount.decrementAndGet();
            throw new IllegalStateException("The application holds " + max + " groups, the limit (" + HauynaConfigKeys.LIMITS_GROUPS
                    + "): add to an existing group or remove empty ones");
        }
    }

    @Override
    public Set<String> groups() {
        Set<String> groups = cluster.remote().groups();
        groups.addAll(rolesByGroup.keySet());
        return Set.copyOf(groups);
    }

    @Override
    public Set<String> groupMembers(String group) {
        return group == null ? Set.of() : Set.copyOf(rolesOfMembers(group).keySet());
    }

    @Override
    public Set<String> groupMembers(String group, String role) {
        if (group == null || role == null) {
            return Set.of();
        }
        return rolesOfMembers(group).entrySet().stream()
                .filter(member -> member.getValue().equals(role))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** @return member → role, this node's view first (it decides a conflict, until the other nodes apply the change) */
    private Map<String, String> rolesOfMembers(String group) {
        Map<String, String> members = cluster.remote().membersOf(group);
        members.putAll(rolesByGroup.getOrDefault(group, Map.of()));
        return members;
    }

    @Override
    public Set<String> groupsOf(String identifier) {
        if (identifier == null) {
            return Set.of();
        }
        User user = users.get(identifier);
        Set<String> groups = new java.util.HashSet<>(cluster.remote().rolesOf(identifier).keySet());
        if (user != null) {
            groups.addAll(user.roles.keySet());
        }
        return Set.copyOf(groups);
    }

    @Override
    public boolean isInGroup(String identifier, String group) {
        return roleIn(identifier, group).isPresent();
    }

    @Override
    public Optional<String> roleIn(String identifier, String group) {
        if (identifier == null || group == null) {
            return Optional.empty();
        }
        User user = users.get(identifier);
        String role = user == null ? null : user.roles.get(group);
        return Optional.ofNullable(role != null ? role : cluster.remote().rolesOf(identifier).get(group));
    }

    @Override
    public int broadcast(Object message) {
        return fanout.send(new Target.Everyone(), encoder.encode(message));
    }

    @Override
    public int sendTo(String identifier, Object message) {
        EncodedMessage encoded = encoder.encode(message);
        return identifier == null ? 0 : fanout.send(new Target.Identifiers(Set.of(identifier)), encoded);
    }

    @Override
    public int sendToMany(Collection<String> identifiers, Object message) {
        return fanout.send(new Target.Identifiers(Set.copyOf(identifiers)), encoder.encode(message));
    }

    @Override
    public int sendToGroup(String group, Object message) {
        return fanout.send(new Target.Group(group, null, null), encoder.encode(message));
    }

    @Override
    public int sendToGroup(String group, String role, Object message) {
        EncodedMessage encoded = encoder.encode(message);
        return role == null ? 0 : fanout.send(new Target.Group(group, role, null), encoded);
    }

    /**
     * The members on this node that a group fan-out walks: every member, as they are while it walks them (no copy: a
     * member who joins or leaves meanwhile may or may not get that message, as with any send racing
     * a change), or those of one role.
     */
    Set<String> membersOf(String group, String role) {
        Map<String, String> roles = group == null ? null : rolesByGroup.get(group);
        if (roles == null) {
            return Set.of();
        }
        if (role == null) {
            return roles.keySet();
        }
        return roles.entrySet().stream().filter(member -> member.getValue().equals(role)).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static void requireValidName(String what, String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(what + " name " + (name == null ? "null" : "'" + name + "'")
                    + " is invalid: use 1 to " + MAX_NAME_LENGTH + " characters, not only white space");
        }
    }
}
