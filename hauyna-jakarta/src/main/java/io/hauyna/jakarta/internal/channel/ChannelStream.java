package io.hauyna.jakarta.internal.channel;

import io.hauyna.jakarta.internal.connection.EncodedMessage;
import io.hauyna.jakarta.spi.SharedHistory;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One history channel on this node: its epoch, the last offset delivered here, and the messages it
 * still keeps: at most the retention's size, none older than its ttl, and within two byte budgets
 * (its own, so that a replay fits a client's queue, and every stream's together). Not thread-safe:
 * its owner ({@link ChannelHistories}) holds the stream's monitor around every use, across the
 * delivery of what it appends, so that offsets, the history and what subscribers receive agree.
 *
 * <p>On a single node the stream numbers its messages itself. In a cluster the grid numbers them
 * ({@link GridStreams}): the stream starts empty until it has loaded the grid's epoch and messages
 * ({@link #loaded()}), and holds back the messages that arrive before their turn ({@link #heldBack()}).
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

    private final SharedHistory.Retention retention;
    private final CompletableFuture<ChannelStream> loaded = new CompletableFuture<>();
    private String epoch;
    private HeldBack heldBack;
    private final long maxBytes;
    private final AtomicLong allStreamsBytes;
    private final long allStreamsMaxBytes;
    private final ArrayDeque<Kept> kept = new ArrayDeque<>();
    private long bytes;
    private long top;
    /** Every message from this offset on is kept (until size, age or bytes drop it); below it, not. */
    private long keptFrom = 1;
    private long lastActiveNanos;
    private long lastSubscribedNanos;

    /**
     * @param epoch              the stream's epoch; empty while a shared stream has not loaded it
     * @param maxBytes           what this stream may keep, in UTF-8 bytes
     * @param allStreamsBytes    what every stream keeps together, shared
     * @param allStreamsMaxBytes the most they may keep together
     */
    ChannelStream(String epoch, SharedHistory.Retention retention, long maxBytes, AtomicLong allStreamsBytes, long allStreamsMaxBytes,
                  long nowNanos) {
        this.epoch = epoch;
        this.retention = retention;
        this.maxBytes = maxBytes;
        this.allStreamsBytes = allStreamsBytes;
        this.allStreamsMaxBytes = allStreamsMaxBytes;
        this.lastActiveNanos = nowNanos;
        this.lastSubscribedNanos = nowNanos;
    }

    /** Random, so that two streams of the same channel (before and after a restart) never share one. */
    static String newEpoch() {
        byte[] random = new byte[9];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    String epoch() {
        return epoch;
    }

    SharedHistory.Retention retention() {
        return retention;
    }

    /** @return completed with this stream once it knows its epoch and position (at once on a single node) */
    CompletableFuture<ChannelStream> loaded() {
        return loaded;
    }

    /** @return the messages that arrived before their turn (shared streams only) */
    HeldBack heldBack() {
        if (heldBack == null) {
            heldBack = new HeldBack();
        }
        return heldBack;
    }

    /**
     * Starts the stream anew at a position: its epoch, and the last offset before what it will keep
     * next. What it kept is dropped.
     */
    void restart(String epoch, long top) {
        release();
        this.epoch = epoch;
        this.top = top;
        this.keptFrom = top + 1;
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
        lastSubscribedNanos = nowNanos;
    }

    /** Keeps the message with the next offset (see {@link #keep(long, EncodedMessage, long)}). */
    void keep(EncodedMessage frame, long nowNanos) {
        keep(top + 1, frame, nowNanos);
    }

    /**
     * Keeps a message, dropping the oldest beyond the size or this stream's bytes. When every stream
     * together would keep more than their budget, this stream gives up its own oldest messages
     * first; if that is not enough, the message is numbered but not kept. An offset beyond the next
     * (messages the stream will never have) starts what it keeps anew from there.
     *
     * @param offset the message's offset, beyond {@link #top()}
     * @param atNanos when it was published (System.nanoTime), for its age
     */
    void keep(long offset, EncodedMessage frame, long atNanos) {
        if (offset != top + 1) {
            restart(epoch, offset - 1);
        }
        top = offset;
        lastActiveNanos = Math.max(lastActiveNanos, atNanos);
        long size = frame.bytes();
        while (!kept.isEmpty() && (kept.size() >= retention.size() || bytes + size > maxBytes
                || allStreamsBytes.get() + size > allStreamsMaxBytes)) {
            dropOldest();
        }
        if (size > maxBytes || allStreamsBytes.get() + size > allStreamsMaxBytes) {
            keptFrom = top + 1;
            return;
        }
        kept.addLast(new Kept(top, frame.text(), size, atNanos));
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

    /** @return whether nobody subscribed here for longer than the ttl (a shared stream: the grid keeps the messages) */
    boolean isUnsubscribed(long nowNanos) {
        return nowNanos - lastSubscribedNanos > retention.ttl().toNanos();
    }

    /** Gives back its bytes to the shared budget; the stream is being forgotten. */
    void release() {
        while (!kept.isEmpty()) {
            dropOldest();
        }
    }

    /** @return every message kept now (none older than the ttl), oldest first */
    List<EncodedMessage> keptNow(long nowNanos) {
        expire(nowNanos);
        return kept.stream().map(message -> EncodedMessage.of(message.frame())).toList();
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
