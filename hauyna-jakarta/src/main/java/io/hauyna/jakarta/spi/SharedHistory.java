package io.hauyna.jakarta.spi;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The histories of history channels ({@code hauyna.history.channels}) kept where every node of a
 * cluster reaches them, so that offsets agree between nodes and a client that reconnects to another
 * node recovers what it missed there. A {@link Backplane} that joins other nodes offers one through
 * {@link Backplane#sharedHistory()}; a clustered application with history channels and no shared
 * history does not start.
 *
 * <p>Each channel has one stream: an epoch, made when the store first sees the channel and made
 * anew when the store has lost it, and offsets 1, 2, 3, ... in the order messages are appended.
 * The store keeps at most the retention's size of the newest messages, none older than its ttl.
 * Only bytes and strings cross this interface, because the grid may load classes with another class
 * loader. Calls return at once; their stages complete on the store's threads, exceptionally when the
 * store cannot be reached (Hauyna waits for them a bounded time).
 *
 * <p>Thread-safety: called from many threads at once.
 *
 * @since 0.4
 */
public interface SharedHistory {

    /**
     * How much one channel keeps. Every node must use the same retention for a channel (the same
     * {@code hauyna.history.*} settings); a store may keep channels of different retentions apart.
     *
     * @param size the most messages kept, at least 1
     * @param ttl  how long a message is kept at most
     */
    record Retention(int size, Duration ttl) {
    }

    /**
     * Where an appended message went.
     *
     * @param offset its offset, from 1
     * @param epoch  the stream's epoch, never empty
     */
    record Appended(long offset, String epoch) {
    }

    /**
     * One kept message.
     *
     * @param offset            its offset
     * @param publishedAtMillis when it was appended (epoch milliseconds of the appending node)
     * @param frame             the bytes given to {@link #append}
     */
    record Entry(long offset, long publishedAtMillis, byte[] frame) {
    }

    /**
     * Part of a stream.
     *
     * @param epoch   the stream's epoch, never empty
     * @param top     the last offset appended, 0 when none was
     * @param entries the kept messages from the offset asked for on, in offset order; they start
     *                later when older ones are no longer kept, and are empty when nothing from
     *                there on is kept
     */
    record Slice(String epoch, long top, List<Entry> entries) {
        public Slice {
            entries = List.copyOf(entries);
        }
    }

    /**
     * Appends a message to a channel's stream, making the stream (and its epoch) when it has none.
     *
     * @param frame             what to keep, exactly as given; never read by the store
     * @param publishedAtMillis when the message was published, for its age
     * @return the message's offset and the stream's epoch
     */
    CompletionStage<Appended> append(String channel, Retention retention, byte[] frame, long publishedAtMillis);

    /**
     * Reads a channel's stream from an offset on, making the stream (and its epoch) when it has none.
     *
     * @param fromOffset the first offset wanted, from 1
     * @param max        the most entries returned, at least 1
     * @return the stream's epoch and top, and up to {@code max} kept messages from {@code fromOffset} on
     */
    CompletionStage<Slice> read(String channel, Retention retention, long fromOffset, int max);
}
