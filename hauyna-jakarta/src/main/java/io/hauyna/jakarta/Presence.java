package io.hauyna.jakarta;

import jakarta.websocket.Session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who is here, with what state. An {@code @ApplicationScoped} bean: {@code @Inject Presence presence}.
 *
 * <p>A user's presence is a list of <em>entries</em> (Phoenix's "metas"): one per open connection
 * (every connection is tracked automatically, with empty state, unless
 * {@link HauynaConfigKeys#PRESENCE_TRACK_CONNECTIONS} is {@code false}), plus at most one
 * server-side entry made with {@link #track(String, Map)}. A user with two tabs is one presence with
 * two entries and stays present while either is open. Status transitions fire
 * {@link PresenceChanged}.
 *
 * <p>On the wire, channels whose names start with a prefix in {@link HauynaConfigKeys#PRESENCE_CHANNELS}
 * carry presence: a subscriber receives {@code presence_state} when it joins and then
 * {@code presence_diff} frames, coalesced per {@link HauynaConfigKeys#PRESENCE_DIFF_INTERVAL_MS}
 * (see {@code docs/PROTOCOL.md}).
 *
 * <p>With a clustered backplane ({@code hauyna-hazelcast}), a user's entries on every node make one
 * presence: every query answers for the whole cluster, the status is the user's across all nodes
 * (online on any, else away on any, else offline), {@link #updateState} and {@link #untrack(String)}
 * act on the entries of every node, and every node fires {@link PresenceChanged} for each change of
 * that status (a survivor fires the offline events of a node that died). A server-side entry lives
 * on the node that made it; entries and metadata from another node hold what JSON carries (maps,
 * lists, strings, numbers, booleans).
 *
 * <p>Thread-safe; queries return immutable snapshots; an empty result means nobody.
 *
 * @since 0.1
 */
public interface Presence {

    /**
     * Tracks (or re-tracks) a connection with the given state, replacing the state of its entry.
     *
     * @param session  the session of a registered connection
     * @param metadata the entry's state, e.g. {@code Map.of("device", "phone")}
     * @throws IllegalStateException when the session has no registered connection
     */
    void track(Session session, Map<String, Object> metadata);

    /**
     * Tracks a user with a server-side entry (ref {@code server}) that lasts until
     * {@link #untrack(String)}, whether or not the user is connected; e.g. for a bot.
     */
    void track(String identifier, Map<String, Object> metadata);

    /** Removes a connection's entry; the user stays present if they have others. */
    void untrack(Session session);

    /** Removes every entry of a user, who becomes offline. */
    void untrack(String identifier);

    /**
     * Merges {@code updates} into the state of every entry of a user (one diff per presence channel).
     *
     * @return {@code false} if the user is not present
     */
    boolean updateState(String identifier, Map<String, Object> updates);

    /** @return the user's presence, or empty if offline */
    Optional<PresenceInfo> state(String identifier);

    /** @return {@code true} if the user has at least one entry */
    boolean isPresent(String identifier);

    /** @return every present user */
    List<PresenceInfo> list();

    /**
     * @param channel a channel name, or {@code null} for any
     * @param group   a group name, or {@code null} for any
     * @return the present users subscribed to the channel (by any connection) and members of the group
     */
    List<PresenceInfo> list(String channel, String group);

    /** @return the present users matching the criteria */
    List<PresenceInfo> listBy(Predicate<PresenceInfo> criteria);

    /**
     * @param context a channel or group name
     * @return {@code true} if the user is present and subscribed to a channel, or a member of a group, of that name
     */
    boolean presentIn(String identifier, String context);

    /** @return how many users are present */
    int count();

    /** @return how many present users are in the channel or group named {@code context} */
    int countBy(String context);

    /** @return the present users subscribed to the channel */
    List<PresenceInfo> inChannel(String channel);

    /** @return the present members of the group */
    List<PresenceInfo> inGroup(String group);
}
