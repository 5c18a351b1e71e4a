package io.hauyna.jakarta;

/**
 * A message that a history channel ({@link HauynaConfigKeys#HISTORY_CHANNELS}) keeps, as its
 * subscribers received it: what {@link Channels#history} returns.
 *
 * @param offset  its offset in the channel, from 1
 * @param epoch   the epoch of the channel's stream it belongs to
 * @param from    the identifier of the client that published it; {@code ""} for the server
 *                ({@link Channels#publish})
 * @param message the message as JSON text, e.g. {@code {"text":"hi"}}
 * @since 0.4
 */
public record HistoryMessage(long offset, String epoch, String from, String message) {
}
