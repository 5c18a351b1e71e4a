package io.hauyna.jakarta;

import java.time.Instant;
import java.util.Map;

/**
 * One connection's subscription to one channel.
 *
 * @param channel    the channel name
 * @param connection the subscribed connection
 * @param metadata   what the subscriber attached when it joined (immutable; empty when nothing)
 * @param joinedAt   when it joined
 * @since 0.1
 */
public record Subscription(String channel, Connection connection, Map<String, Object> metadata, Instant joinedAt) {

    public Subscription {
        metadata = Map.copyOf(metadata);
    }

    /** @return the subscriber's identifier */
    public String identifier() {
        return connection.identifier();
    }
}
