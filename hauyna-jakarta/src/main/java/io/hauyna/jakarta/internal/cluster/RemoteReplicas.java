package io.hauyna.jakarta.internal.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the other nodes hold, as their {@link Replica}s say, indexed for the queries that answer
 * cluster-wide. Empty while this node works alone. Changes of one node are applied under that
 * node's entry ({@code nodes.compute}), so a node's frames and its removal never interleave;
 * queries read concurrently and see each node's pieces as of some moment.
 */
public final class RemoteReplicas {

    /** What a batch of changes touched: presence to recompute, channels whose presence to resend. */
    record Touched(Set<String> identifiers, Set<String> channels) {
        static final Touched NOTHING = new Touched(Set.of(), Set.of());

        boolean isEmpty() {
            return identifiers.isEmpty() && channels.isEmpty();
        }
    }

    /** One node's pieces, with the indexes queries need. */
    private static final class NodeState {
        final Map<String, Replica> byKey = new ConcurrentHashMap<>();
        final Map<String, String> connections = new ConcurrentHashMap<>();
        final Map<String, Map<String, Replica.Subscription>> byChannel = new ConcurrentHashMap<>();
        final Map<String, Set<Replica.Subscription>> subscriptionsByIdentifier = new ConcurrentHashMap<>();
        final Map<String, Map<String, String>> rolesByIdentifier = new ConcurrentHashMap<>();
        final Map<String, Replica.Fragment> fragments = new ConcurrentHashMap<>();

        void put(Replica replica, Set<String> identifiers, Set<String> channels) {
            Replica previous = byKey.put(replica.key(), replica);
            if (previous != null) {
                unindex(previous, identifiers, channels);
            }
            index(replica, identifiers, channels);
        }

        void remove(Replica replica, Set<String> identifiers, Set<String> channels) {
            Replica previous = byKey.remove(replica.key());
            if (previous != null) {
                unindex(previous, identifiers, channels);
            }
        }

        void touchAll(Set<String> identifiers, Set<String> channels) {
            identifiers.addAll(fragments.keySet());
            channels.addAll(byChannel.keySet());
        }

        private void index(Replica replica, Set<String> identifiers, Set<String> channels) {
            if (replica instanceof Replica.Connection connection) {
                connections.put(connection.connectionId(), connection.identifier());
            } else if (replica instanceof Replica.Subscription subscription) {
                byChannel.computeIfAbsent(subscription.channel(), channel -> new ConcurrentHashMap<>())
                        .put(subscription.connectionId(), subscription);
                subscriptionsByIdentifier.computeIfAbsent(subscription.identifier(), id -> ConcurrentHashMap.newKeySet()).add(subscription);
                channels.add(subscription.channel());
            } else if (replica instanceof Replica.Membership membership) {
                rolesByIdentifier.computeIfAbsent(membership.identifier(), id -> new ConcurrentHashMap<>())
                        .put(membership.group(), membership.role());
            } else {
                Replica.Fragment fragment = (Replica.Fragment) replica;
                fragments.put(fragment.identifier(), fragment);
                identifiers.add(fragment.identifier());
            }
        }

        private void unindex(Replica replica, Set<String> identifiers, Set<String> channels) {
            if (replica instanceof Replica.Connection connection) {
                connections.remove(connection.connectionId());
            } else if (replica instanceof Replica.Subscription subscription) {
                byChannel.computeIfPresent(subscription.channel(), (channel, subscribers) -> {
                    subscribers.remove(subscription.connectionId());
                    return subscribers.isEmpty() ? null : subscribers;
                });
                subscriptionsByIdentifier.computeIfPresent(subscription.identifier(), (id, subscriptions) -> {
                    subscriptions.remove(subscription);
                    return subscriptions.isEmpty() ? null : subscriptions;
                });
                channels.add(subscription.channel());
            } else if (replica instanceof Replica.Membership membership) {
                rolesByIdentifier.computeIfPresent(membership.identifier(), (id, roles) -> {
                    roles.remove(membership.group());
                    return roles.isEmpty() ? null : roles;
                });
            } else {
                Replica.Fragment fragment = (Replica.Fragment) replica;
                fragments.remove(fragment.identifier());
                identifiers.add(fragment.identifier());
            }
        }
    }

    private final Map<UUID, NodeState> nodes = new ConcurrentHashMap<>();

    /** Applies one node's changes, in order. */
    Touched apply(UUID node, List<ClusterFrame.Change> changes) {
        Set<String> identifiers = new HashSet<>();
        Set<String> channels = new HashSet<>();
        nodes.compute(node, (id, state) -> {
            NodeState present = state == null ? new NodeState() : state;
            for (ClusterFrame.Change change : changes) {
                if (change.removed()) {
                    present.remove(change.replica(), identifiers, channels);
                } else {
                    present.put(change.replica(), identifiers, channels);
                }
            }
            return present;
        });
        return new Touched(identifiers, channels);
    }

    /** Replaces everything held for a node with its snapshot. */
    Touched replace(UUID node, List<Replica> snapshot) {
        Set<String> identifiers = new HashSet<>();
        Set<String> channels = new HashSet<>();
        nodes.compute(node, (id, state) -> {
            if (state != null) {
                state.touchAll(identifiers, channels);
            }
            NodeState fresh = new NodeState();
            snapshot.forEach(replica -> fresh.put(replica, identifiers, channels));
            return fresh;
        });
        return new Touched(identifiers, channels);
    }

    /** Forgets a node that left or went silent. */
    Touched forget(UUID node) {
        Set<String> identifiers = new HashSet<>();
        Set<String> channels = new HashSet<>();
        nodes.computeIfPresent(node, (id, state) -> {
            state.touchAll(identifiers, channels);
            return null;
        });
        return new Touched(identifiers, channels);
    }

    // ---- queries ---------------------------------------------------------------------------

    public boolean isConnected(String identifier) {
        for (NodeState node : nodes.values()) {
            if (node.connections.containsValue(identifier)) {
                return true;
            }
        }
        return false;
    }

    public Set<String> identifiers() {
        Set<String> identifiers = new HashSet<>();
        nodes.values().forEach(node -> identifiers.addAll(node.connections.values()));
        return identifiers;
    }

    public int connectionCount() {
        return nodes.values().stream().mapToInt(node -> node.connections.size()).sum();
    }

    public Set<String> channels() {
        Set<String> channels = new HashSet<>();
        nodes.values().forEach(node -> channels.addAll(node.byChannel.keySet()));
        return channels;
    }

    /** @return the subscriptions of a channel on the other nodes */
    public List<Replica.Subscription> subscriptions(String channel) {
        List<Replica.Subscription> subscriptions = new ArrayList<>();
        nodes.values().forEach(node -> subscriptions.addAll(node.byChannel.getOrDefault(channel, Map.of()).values()));
        return subscriptions;
    }

    /** @return the channels an identifier's connections on the other nodes are subscribed to */
    public Set<String> channelsOf(String identifier) {
        Set<String> channels = new HashSet<>();
        nodes.values().forEach(node -> node.subscriptionsByIdentifier.getOrDefault(identifier, Set.of())
                .forEach(subscription -> channels.add(subscription.channel())));
        return channels;
    }

    /** @return group → role for an identifier, as the other nodes hold it */
    public Map<String, String> rolesOf(String identifier) {
        Map<String, String> roles = new HashMap<>();
        nodes.values().forEach(node -> roles.putAll(node.rolesByIdentifier.getOrDefault(identifier, Map.of())));
        return roles;
    }

    /** @return identifier → role for a group's members on the other nodes */
    public Map<String, String> membersOf(String group) {
        Map<String, String> members = new HashMap<>();
        nodes.values().forEach(node -> node.rolesByIdentifier.forEach((identifier, roles) -> {
            String role = roles.get(group);
            if (role != null) {
                members.put(identifier, role);
            }
        }));
        return members;
    }

    public Set<String> groups() {
        Set<String> groups = new HashSet<>();
        nodes.values().forEach(node -> node.rolesByIdentifier.values().forEach(roles -> groups.addAll(roles.keySet())));
        return groups;
    }

    /** @return the presence fragments of an identifier on the other nodes */
    public List<Replica.Fragment> fragments(String identifier) {
        List<Replica.Fragment> fragments = new ArrayList<>();
        nodes.values().forEach(node -> {
            Replica.Fragment fragment = node.fragments.get(identifier);
            if (fragment != null) {
                fragments.add(fragment);
            }
        });
        return fragments;
    }

    /** @return the identifiers present on the other nodes */
    public Set<String> presentIdentifiers() {
        Set<String> identifiers = new HashSet<>();
        nodes.values().forEach(node -> identifiers.addAll(node.fragments.keySet()));
        return identifiers;
    }
}
