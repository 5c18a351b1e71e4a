package io.hauyna.jakarta;

import java.util.Map;

/**
 * Fired (as a synchronous CDI event) once each time a connection joins a channel, after it is
 * subscribed. Observe it with {@code void onJoin(@Observes ChannelJoined joined)}.
 *
 * @param channel      the channel
 * @param identifier   who joined
 * @param connectionId which of their connections joined
 * @param metadata     the subscription's metadata (immutable)
 * @since 0.1
 */
public record ChannelJoined(String channel, String identifier, String connectionId, Map<String, Object> metadata) {

    public ChannelJoined {
        metadata = Map.copyOf(metadata);
    }
}
