package io.hauyna.jakarta.spi;

import io.hauyna.jakarta.Connection;

import java.util.Map;

/**
 * Decides whether a client may join a channel or publish to it over the protocol
 * ({@code subscribe_channel}, {@code channel_message}). Implement it as a CDI bean; Hauyna finds
 * every implementation, and a request proceeds only if <em>all</em> of them allow it. A refused
 * client receives a {@code forbidden} error carrying the reason, and nothing changes.
 *
 * <p>Without any implementation the defaults below apply: anyone may join any channel, and only a
 * subscriber may publish to a channel. Override one method and keep the other's default. The
 * server API ({@link io.hauyna.jakarta.Channels}) is trusted and does not ask.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class PrivateNotifications implements ChannelAuthorizer {
 *     @Override
 *     public ChannelDecision authorizeJoin(Connection connection, String channel, Map<String, Object> metadata) {
 *         if (channel.startsWith("notifications:") && !channel.equals("notifications:" + connection.identifier())) {
 *             return ChannelDecision.deny("Only " + channel.substring(14) + " may join " + channel);
 *         }
 *         return ChannelDecision.allow();
 *     }
 * }
 * }</pre>
 *
 * <p>Called on the container thread that received the frame; must be thread-safe and quick.
 *
 * @since 0.1
 */
public interface ChannelAuthorizer {

    /**
     * @param connection who asks
     * @param channel    a valid channel name
     * @param metadata   the metadata the client wants to attach
     * @return the decision; by default, allow
     */
    default ChannelDecision authorizeJoin(Connection connection, String channel, Map<String, Object> metadata) {
        return ChannelDecision.allow();
    }

    /**
     * @param connection who asks
     * @param channel    a valid channel name
     * @param subscribed whether that connection is subscribed to the channel
     * @return the decision; by default, allow subscribers only
     */
    default ChannelDecision authorizePublish(Connection connection, String channel, boolean subscribed) {
        return subscribed ? ChannelDecision.allow()
                : ChannelDecision.deny("Join channel '" + channel + "' before publishing to it");
    }
}
