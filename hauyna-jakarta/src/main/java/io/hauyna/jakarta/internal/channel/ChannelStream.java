package io.hauyna.jakarta.internal.channel;

import io.hauyna.jakarta.internal.config.HistoryPolicy;
import io.hauyna.jakarta.internal.connection.EncodedMessage;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.List;

/**
 * One history channel on this node: its epoch, the last offset given, and the messages it still
 * keeps (at most the retention's size, none older than its ttl). Not thread-safe: its owner
 * ({@link ChannelHistories}) holds the stream's monitor around every use, across the delivery of
 * what it appends, so that offsets, the history and what subscribers receive agree.
 */
final class ChannelStream {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A kept message: its offset, its frame as sent, and when (System.nanoTime). */
    record Kept(long offset, EncodedMessage frame, long atNanos) {
    }

    /** What a client resuming from a position gets: the messages after it, or why not. */
    record Recovery(boolean recovered, String reason, List<EncodedMessage> missed) {
        static Recovery failed(String reason) {
            return new Recovery(false, reason, List.of());
        }
    }

    private final String epoch = newEpoch();
    private final HistoryPolicy.Retention retention;
    private final ArrayDeque<Kept> kept = new ArrayDeque<>();
    private long top;

    ChannelStream(HistoryPolicy.Retention retention) {
        this.retention = retention;
    }

    /** Random, so that two streams of the same channel (before and after a restart) never share one. */
    private static String newEpoch() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String epoch() {
        return epoch;
    }

    /** @return the offset of the last message published, 0 before the first */
    long top() {
        return top;
    }

    /** @return the offset the next message gets */
    long next() {
        return top + 1;
    }

    /** Keeps the message with the next offset, dropping what is beyond the size. */
    void keep(EncodedMessage frame, long nowNanos) {
        top++;
        kept.addLast(new Kept(top, frame, nowNanos));
        if (kept.size() > retention.size()) {
            kept.removeFirst();
        }
    }

    /** Drops the messages older than the ttl. */
    void expire(long nowNanos) {
        long ttl = retention.ttl().toNanos();
        while (!kept.isEmpty() && nowNanos - kept.peekFirst().atNanos() > ttl) {
            kept.removeFirst();
        }
    }

    /** @return whether it keeps nothing now */
    boolean isEmpty() {
        return kept.isEmpty();
    }

    /**
     * @param epoch  the epoch the client saw
     * @param offset the last offset the client received
     * @return the messages after that offset, in order; or why they cannot be given
     */
    Recovery recover(String epoch, long offset, long nowNanos) {
        if (!this.epoch.equals(epoch)) {
            return Recovery.failed("epoch_changed");
        }
        if (offset > top) {
            return Recovery.failed("offset_ahead");
        }
        expire(nowNanos);
        long oldest = kept.isEmpty() ? top + 1 : kept.peekFirst().offset();
        if (offset + 1 < oldest) {
            return Recovery.failed("too_old");
        }
        return new Recovery(true, null, kept.stream().filter(message -> message.offset() > offset).map(Kept::frame).toList());
    }
}
