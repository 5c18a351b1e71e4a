package io.hauyna.jakarta;

import jakarta.websocket.Session;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every open connection of the application, by session and by identifier, with groups and direct
 * sends. An {@code @ApplicationScoped} bean: {@code @Inject Connections connections}.
 *
 * <h2>Lifecycle</h2>
 * Endpoints that use {@link HauynaConfigurator} never call {@link #register(Session)} or
 * {@link #unregister(Session)}: Hauyna registers each connection before the endpoint's
 * {@code @OnOpen} runs and unregisters it, exactly once, after {@code @OnClose} (or after an
 * {@code @OnError} that leaves the session closed). Other endpoints may call them themselves.
 *
 * <h2>Groups</h2>
 * A group is a named set of identifiers, each with a role ({@value #DEFAULT_ROLE} unless given).
 * Membership belongs to the <em>identifier</em>, not to one connection: a message to a group
 * reaches every connection of every member. Membership lasts while the identifier has at least one
 * open connection and is removed when its last connection closes; a user who reconnects after that
 * must be added again (typically in {@code @OnOpen}). Groups with no members do not exist.
 *
 * <h2>Sending</h2>
 * A message is a {@code String}, sent as it is, or any object, encoded with JSON-B. An object is
 * encoded once per call, however many recipients. Every send is queued on each recipient's bounded
 * outbound queue and returns at once: a slow or closed client never delays the caller or the
 * others. Send methods return how many connections accepted the message; 0 means nobody.
 *
 * <h2>Several nodes</h2>
 * With a clustered backplane ({@code hauyna-hazelcast}), sends reach the recipients on every node
 * (the message crosses to each other node once); their return value counts the connections of
 * <em>this</em> node only. {@link #identifiers()}, {@link #count()}, the group queries and the group
 * changes span every node, and a membership lasts while the identifier has a connection on any
 * node. What hands out a {@link Connection} ({@link #connection}, {@link #connectionsOf}) stays on
 * this node, since a connection holds its {@code Session}.
 *
 * <p>All methods are thread-safe; queries return immutable snapshots, never {@code null}.
 *
 * @since 0.1
 */
public interface Connections {

    /** The role of a group member added without one. */
    String DEFAULT_ROLE = "member";

    /**
     * Registers an open session, resolving its identifier from the handshake captured by
     * {@link HauynaConfigurator} (or, without it, from the session's URI and principal).
     * Registering a session twice returns the existing connection.
     *
     * @param session an open session
     * @return the connection
     * @throws SecurityException when nothing identifies the session and anonymous connections are
     *                           not allowed ({@link HauynaConfigKeys#IDENTITY_ALLOW_ANONYMOUS}), or
     *                           when a connection limit ({@link HauynaConfigKeys#LIMITS_CONNECTIONS_PER_IDENTIFIER},
     *                           {@link HauynaConfigKeys#LIMITS_CONNECTIONS_TOTAL}) would be exceeded
     */
    Connection register(Session session);

    /**
     * Forgets a session: removes its connection from every registry and discards its queue. Group
     * memberships of its identifier are removed if it was the identifier's last connection.
     *
     * @param session a session
     * @return the connection that was removed, or empty if it was not registered (or already removed)
     */
    Optional<Connection> unregister(Session session);

    /**
     * @param session a session
     * @return its connection, or empty if it is not registered
     */
    Optional<Connection> connection(Session session);

    /**
     * @param session a session
     * @return the identifier of its connection, or empty if it is not registered
     */
    Optional<String> identifierOf(Session session);

    /**
     * @param identifier an identifier
     * @return every open connection of that identifier on this node, oldest first; empty if it has none here
     */
    List<Connection> connectionsOf(String identifier);

    /**
     * @return every identifier with at least one open connection, on any node as far as this node
     *         knows (since 0.2); empty when nobody is connected
     */
    Set<String> identifiers();

    /** @return the number of open connections, on every node as far as this node knows (since 0.2) */
    int count();

    /**
     * Adds an identifier to a group as a {@value #DEFAULT_ROLE}.
     *
     * @see #addToGroup(String, String, String)
     */
    boolean addToGroup(String identifier, String group);

    /**
     * Adds an identifier to a group with a role, or changes its role if it is already a member.
     *
     * @param identifier a connected identifier
     * @param group      a group name: 1 to 200 characters, not blank
     * @param role       a role name: 1 to 200 characters, not blank
     * @return {@code true} if the identifier is now a member with that role; {@code false} if it
     *         has no open connection on any node, in which case nothing is recorded
     * @throws IllegalArgumentException when the group or role name is not valid, saying why
     * @throws IllegalStateException    when it would create a group beyond
     *                                  {@link HauynaConfigKeys#LIMITS_GROUPS} (the message names the key; since 0.2)
     */
    boolean addToGroup(String identifier, String group, String role);

    /**
     * @param identifier an identifier
     * @param group      a group name
     * @return {@code true} if it was a member and is not any more
     */
    boolean removeFromGroup(String identifier, String group);

    /** @return the names of all groups with at least one member; empty when there are none */
    Set<String> groups();

    /**
     * @param group a group name
     * @return the identifiers in the group, whatever their role; empty if the group has no members
     */
    Set<String> groupMembers(String group);

    /**
     * @param group a group name
     * @param role  a role name
     * @return the identifiers in the group with that role; empty if there are none
     */
    Set<String> groupMembers(String group, String role);

    /**
     * @param identifier an identifier
     * @return the groups it is a member of; empty if none (or not connected)
     */
    Set<String> groupsOf(String identifier);

    /**
     * @param identifier an identifier
     * @param group      a group name
     * @return {@code true} if the identifier is a member of the group
     */
    boolean isInGroup(String identifier, String group);

    /**
     * @param identifier an identifier
     * @param group      a group name
     * @return its role in the group, or empty if it is not a member
     */
    Optional<String> roleIn(String identifier, String group);

    /**
     * Sends a message to every open connection.
     *
     * @param message a {@code String} or an object JSON-B can encode
     * @return how many connections accepted it
     */
    int broadcast(Object message);

    /**
     * Sends a message to every open connection of one identifier.
     *
     * @param identifier an identifier
     * @param message    a {@code String} or an object JSON-B can encode
     * @return how many connections accepted it; 0 if the identifier is not connected
     */
    int sendTo(String identifier, Object message);

    /**
     * Sends a message to every open connection of several identifiers; duplicates count once.
     *
     * @param identifiers identifiers
     * @param message     a {@code String} or an object JSON-B can encode
     * @return how many connections accepted it
     */
    int sendToMany(Collection<String> identifiers, Object message);

    /**
     * Sends a message to every connection of every member of a group.
     *
     * @param group   a group name
     * @param message a {@code String} or an object JSON-B can encode
     * @return how many connections accepted it; 0 if the group has no members
     */
    int sendToGroup(String group, Object message);

    /**
     * Sends a message to every connection of the members of a group that have one role.
     *
     * @param group   a group name
     * @param role    a role name
     * @param message a {@code String} or an object JSON-B can encode
     * @return how many connections accepted it; 0 if no member has that role
     */
    int sendToGroup(String group, String role, Object message);
}
