package io.hauyna.jakarta.internal.channel;

import io.hauyna.jakarta.internal.config.HistoryPolicy;
import io.hauyna.jakarta.internal.connection.EncodedMessage;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One history channel on this node: its epoch, the last offset given, and the messages it still
 * keeps: at most the retention's size, none older than its ttl, and within two byte budgets (its
 * own, so that a replay fits a client's queue, and every stream's together). Not thread-safe: its
 * owner ({@link ChannelHistories}) holds the stream's monitor around every use, across the
 * delivery of what it appends, so that offsets, the history and what subscribers receive agree.
 */
final class ChannelStream {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A kept message: its offset, its frame's text as sent, its UTF-8 size, and when (System.nanoTime). */
    private record Kept(long offset, String frame, long bytes, long atNanos) {
    }

    /** What a client resuming from a position gets: the messages after it, or why not ({@code reason}, else empty). */
    record Recovery(boolean recovered, String reason, List<EncodedMessage> missed) {
        static Recovery failed(String reason) {
            return new Recovery(false, reason, List.of());
        }

        static Recovery of(List<EncodedMessage> missed) {
            return new Recovery(true, "", missed);
        }
    }

    private final String epoch = newEpoch();
    private final HistoryPolicy.Retention retention;
    private final long maxBytes;
    private final AtomicLong allStreamsBytes;
    private final long allStreamsMaxBytes;
    private final ArrayDeque<Kept> kept = new ArrayDeque<>();
    private long bytes;
    private long top;
    /** Every message from this offset on is kept (until size, age or bytes drop it); below it, not. */
    private long keptFrom = 1;
    private long lastActiveNanos;

    /**
     * @param maxBytes           what this stream may keep, in UTF-8 bytes
     * @param allStreamsBytes    what every stream keeps together, shared
     * @param allStreamsMaxBytes the most they may keep together
     */
    ChannelStream(HistoryPolicy.Retention retention, long maxBytes, AtomicLong allStreamsBytes, long allStreamsMaxBytes, long nowNanos) {
        this.retention = retention;
        this.maxBytes = maxBytes;
        this.allStreamsBytes = allStreamsBytes;
        this.allStreamsMaxBytes = allStreamsMaxBytes;
        this.lastActiveNanos = nowNanos;
    }

    /** Random, so that two streams of the same channel (before and after a restart) never share one. */
    private static String newEpoch() {
        byte[] random = new byte[9];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
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

    /** Someone subscribed or is subscribed: the history must outlive them by the ttl. */
    void touch(long nowNanos) {
        lastActiveNanos = nowNanos;
    }

    /**
     * Keeps the message with the next offset, dropping the oldest beyond the size or this stream's
     * bytes. When every stream together would keep more than their budget, this stream gives up
     * its own oldest messages first; if that is not enough, the message is numbered but not kept.
     */
    void keep(EncodedMessage frame, long nowNanos) {
        top++;
        lastActiveNanos = nowNanos;
        long size = frame.bytes();
        while (!kept.isEmpty() && (kept.size() >= retention.size() || bytes + size > maxBytes
                || allStreamsBytes.get() + size > allStreamsMaxBytes)) {
            dropOldest();
        }
        if (size > maxBytes || allStreamsBytes.get() + size > allStreamsMaxBytes) {
            keptFrom = top + 1;
            return;
        }
        kept.addLast(new Kept(top, frame.text(), size, nowNanos));
        bytes += size;
        allStreamsBytes.addAndGet(size);
    }

    private void dropOldest() {
        Kept dropped = kept.removeFirst();
        bytes -= dropped.bytes();
        allStreamsBytes.addAndGet(-dropped.bytes());
        keptFrom = dropped.offset() + 1;
    }

    /** Drops the messages older than the ttl. */
    void expire(long nowNanos) {
        long ttl = retention.ttl().toNanos();
        while (!kept.isEmpty() && nowNanos - kept.peekFirst().atNanos() > ttl) {
            dropOldest();
        }
    }

    /** @return whether nobody needs it any more: nothing kept, and nobody here since a ttl ago */
    boolean isForgettable(long nowNanos) {
        return kept.isEmpty() && nowNanos - lastActiveNanos > retention.ttl().toNanos();
    }

    /** Gives back its bytes to the shared budget; the stream is being forgotten. */
    void release() {
        while (!kept.isEmpty()) {
            dropOldest();
        }
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
        if (offset < top && offset + 1 < keptFrom) {
            return Recovery.failed("too_old");
        }
        return Recovery.of(kept.stream().filter(message -> message.offset() > offset)
                .map(message -> EncodedMessage.of(message.frame())).toList());
    }
}
