package io.hauyna.jakarta;

import jakarta.websocket.Session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Named channels that connections subscribe to, each subscription with its own metadata. An
 * {@code @ApplicationScoped} bean: {@code @Inject Channels channels}.
 *
 * <p>A subscription belongs to one <em>connection</em> (unlike group membership, which belongs to
 * an identifier): a user with two tabs may be in a channel with one tab only. Every subscription
 * of a connection ends when it closes, with a {@link ChannelLeft} event for each. A channel with no
 * subscribers does not exist.
 *
 * <p>Channel names are 1 to {@value #MAX_NAME_LENGTH} characters among letters, digits and
 * {@code _ . : - @}, e.g. {@code room:lobby} or {@code notifications:alice}; other names are
 * refused with an {@link IllegalArgumentException} that says so.
 *
 * <p>The server API is trusted: it does not consult {@link io.hauyna.jakarta.spi.ChannelAuthorizer},
 * which guards what clients ask for over the protocol. Sends behave as in {@link Connections}:
 * encoded once per call, queued per recipient, never blocking the caller. All methods are
 * thread-safe; queries return immutable snapshots, never {@code null}.
 *
 * <p>With a clustered backplane ({@code hauyna-hazelcast}), broadcasts reach the subscribers of
 * every node, and {@link #subscribers} and {@link #channels()} span every node; the counts that
 * broadcasts return, and the methods that take or hand out a {@code Session} (through
 * {@link Subscription}), are about this node's connections.
 *
 * @since 0.1
 */
public interface Channels {

    /** The longest channel name accepted. */
    int MAX_NAME_LENGTH = 200;

    /**
     * Subscribes a registered connection to a channel, or replaces the metadata of its existing
     * subscription. Fires {@link ChannelJoined} when the subscription is new.
     *
     * @param channel  a valid channel name
     * @param session  the session of a registered connection
     * @param metadata what to attach to this subscription, e.g. a display name; may be empty
     * @return {@code true} if the connection was not subscribed before
     * @throws IllegalArgumentException when the channel name is invalid
     * @throws IllegalStateException    when the session has no registered connection, or when the
     *                                  subscription would create a channel beyond
     *                                  {@link HauynaConfigKeys#LIMITS_CHANNELS} (the message names the key)
     */
    boolean subscribe(String channel, Session session, Map<String, Object> metadata);

    /**
     * Unsubscribes a connection from a channel; fires {@link ChannelLeft} if it was subscribed.
     *
     * @return {@code true} if it was subscribed
     */
    boolean unsubscribe(String channel, Session session);

    /**
     * Sends a message to every subscriber of a channel.
     *
     * @param message a {@code String} or an object JSON-B can encode
     * @return how many connections accepted it; 0 if the channel has no subscribers
     */
    int broadcastTo(String channel, Object message);

    /**
     * Publishes a message to a channel as the server: every subscriber gets the protocol's
     * {@code channel_message} frame with {@code "from": ""}, as if a client had sent it. In a
     * history channel ({@link HauynaConfigKeys#HISTORY_CHANNELS}) it gets the channel's next offset
     * and is kept, so that a client that resumes receives it; {@link #broadcastTo} instead writes
     * the message as it is and keeps nothing.
     *
     * @param channel a valid channel name
     * @param message an object JSON-B can encode; a {@code String} becomes a JSON string
     * @return how many connections of this node accepted it; 0 if the channel has no subscribers here
     * @throws IllegalArgumentException when the channel name is not valid, or JSON-B cannot encode the message
     * @throws NullPointerException     when the message is {@code null}
     * @throws HauynaException          {@link ErrorType#UNAVAILABLE} when, in a cluster, the grid does not store
     *                                  a history channel's message within 5 s (it may still be delivered later)
     * @since 0.4
     */
    int publish(String channel, Object message);

    /**
     * The messages a history channel keeps now, oldest first: what a client resuming from before
     * them would receive. On a single node, what this node keeps; in a cluster, what the grid keeps,
     * read on the caller's thread (at most 5 s).
     *
     * @param channel a valid channel name
     * @param limit   the most messages returned (the newest ones), at least 1
     * @return the kept messages in offset order; empty when the channel keeps no history
     *         ({@link HauynaConfigKeys#HISTORY_CHANNELS}) or keeps nothing now
     * @throws IllegalArgumentException when the channel name is not valid or the limit is below 1
     * @throws HauynaException          {@link ErrorType#UNAVAILABLE} when the cluster's grid does not answer in time
     * @since 0.4
     */
    List<HistoryMessage> history(String channel, int limit);

    /**
     * Sends a message to every subscriber of a channel except the given connection (the sender).
     *
     * @return how many connections accepted it
     */
    int broadcastFrom(Session sender, String channel, Object message);

    /** @return the identifiers subscribed to the channel (by any connection, on any node since 0.2); empty if none */
    Set<String> subscribers(String channel);

    /** @return every subscription to the channel on this node, oldest first; empty if none */
    List<Subscription> subscriptions(String channel);

    /** @return the channels the session's connection is subscribed to; empty if none or not registered */
    Set<String> subscribedChannels(Session session);

    /** @return {@code true} if the session's connection is subscribed to the channel */
    boolean isSubscribed(String channel, Session session);

    /** @return the metadata of the session's subscription to the channel, or empty if it is not subscribed */
    Optional<Map<String, Object>> subscriptionMetadata(String channel, Session session);

    /** @return the names of all channels with at least one subscriber, on any node (since 0.2); empty if none */
    Set<String> channels();

    /**
     * Unsubscribes a connection from every channel, firing {@link ChannelLeft} for each. Hauyna
     * calls it when a connection closes; call it yourself only for endpoints you register by hand.
     *
     * @return how many subscriptions were removed
     */
    int cleanup(Session session);
}
