package io.hauyna.jakarta;

import java.util.Map;

/**
 * Fired (as a synchronous CDI event) once each time a connection leaves a channel: when it
 * unsubscribes, or when the connection closes while subscribed.
 *
 * @param channel      the channel
 * @param identifier   who left
 * @param connectionId which of their connections left
 * @param metadata     the subscription's metadata at the time it left (immutable)
 * @since 0.1
 */
public record ChannelLeft(String channel, String identifier, String connectionId, Map<String, Object> metadata) {

    public ChannelLeft {
        metadata = Map.copyOf(metadata);
    }
}
