package io.hauyna.bench.load;

import io.hauyna.bench.Pause;
import io.netty.buffer.ByteBuf;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

/**
 * One measured batch of messages and the proof that each was delivered exactly once: every
 * subscriber remembers which messages it saw (a duplicate is counted, not hidden), every message
 * counts its deliveries, and a message is complete when all its addressees have it. The publisher
 * keeps a fixed number of messages in flight: a new one is sent when an earlier one is complete.
 */
public final class Deliveries implements Receiver {

    /** Who each message is for. */
    public interface Addressing {
        int recipients(int message);

        boolean addressedTo(int message, int slot);

        /** Every one of {@code subscribers} connections gets every message. */
        static Addressing everyone(int subscribers) {
            return new Addressing() {
                @Override
                public int recipients(int message) {
                    return subscribers;
                }

                @Override
                public boolean addressedTo(int message, int slot) {
                    return true;
                }
            };
        }
    }

    private static final long GRACE_MILLIS = 100;
    private static final int MISSING_SHOWN = 8;

    private final long firstId;
    private final int messages;
    private final Addressing addressing;
    private final BitSet[] seen;
    private final AtomicIntegerArray perMessage;
    private final Semaphore window;
    private final LongAdder delivered = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder strays = new LongAdder();
    private final LongAdder complete = new LongAdder();
    private final Recorder latency = new Recorder(3);
    private volatile long lastProgress = System.nanoTime();

    /**
     * @param firstId     the id of message 0; ids of earlier batches count as strays
     * @param subscribers connections whose slots are {@code 0..subscribers-1}
     * @param inFlight    messages the publisher may have incomplete at once
     */
    public Deliveries(long firstId, int messages, int subscribers, Addressing addressing, int inFlight) {
        this.firstId = firstId;
        this.messages = messages;
        this.addressing = addressing;
        this.seen = new BitSet[subscribers];
        this.perMessage = new AtomicIntegerArray(messages);
        this.window = new Semaphore(inFlight);
    }

    @Override
    public void received(BenchConnection connection, ByteBuf text) {
        long id = Payloads.id(text);
        if (id < 0) {
            strays.increment(); // a subscriber gets nothing else: an error frame, a mangled message
            return;
        }
        long index = id - firstId;
        int slot = connection.slot();
        if (index < 0 || index >= messages || slot >= seen.length || !addressing.addressedTo((int) index, slot)) {
            strays.increment();
            return;
        }
        int message = (int) index;
        BitSet mine = seen[slot] == null ? (seen[slot] = new BitSet(messages)) : seen[slot];
        if (mine.get(message)) {
            duplicates.increment();
            return;
        }
        mine.set(message);
        latency.recordValue(Math.max(0, (System.nanoTime() - Payloads.sentAt(text)) / 1000));
        delivered.increment();
        lastProgress = System.nanoTime();
        if (perMessage.incrementAndGet(message) == addressing.recipients(message)) {
            complete.increment();
            window.release();
        }
    }

    /**
     * Sends every message through {@code send} (given the message's index), keeping the window full,
     * then waits until all are complete or nothing has arrived for {@code stall}.
     *
     * @return the outcome, exact or not
     */
    public Outcome publish(IntConsumer send, Duration stall) {
        long started = System.nanoTime();
        lastProgress = started;
        for (int message = 0; message < messages; message++) {
            if (!acquire(stall)) {
                break;
            }
            send.accept(message);
        }
        while (complete.sum() < messages && System.nanoTime() - lastProgress < stall.toNanos()) {
            Pause.millis(1);
        }
        long elapsed = lastProgress - started;
        // a little longer, so that a late duplicate counts against this run, not the next
        Pause.millis(GRACE_MILLIS);
        return outcome(elapsed);
    }

    /** @return the id to put into message {@code index} */
    public long id(int index) {
        return firstId + index;
    }

    private Outcome outcome(long elapsedNanos) {
        long expected = 0;
        for (int message = 0; message < messages; message++) {
            expected += addressing.recipients(message);
        }
        long got = delivered.sum();
        return new Outcome(expected, got, duplicates.sum(), strays.sum(), elapsedNanos,
                latency.getIntervalHistogram(), got < expected ? missing(seen, messages, addressing, MISSING_SHOWN) : List.of());
    }

    /**
     * @return the first {@code limit} deliveries that did not happen, as "slot s: message m": whether
     *         they are the first message of many slots or every message from some point on of one
     *         slot tells a subscription made too late apart from a connection whose writes stopped
     */
    static List<String> missing(BitSet[] seen, int messages, Addressing addressing, int limit) {
        List<String> missing = new ArrayList<>();
        for (int slot = 0; slot < seen.length && missing.size() < limit; slot++) {
            for (int message = 0; message < messages && missing.size() < limit; message++) {
                if (addressing.addressedTo(message, slot) && (seen[slot] == null || !seen[slot].get(message))) {
                    missing.add("slot " + slot + ": message " + message);
                }
            }
        }
        return missing;
    }

    private boolean acquire(Duration stall) {
        try {
            while (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() - lastProgress > stall.toNanos()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }



    /**
     * What arrived. Exact means every addressee got every message once, nothing more.
     *
     * @param latencyMicros publisher-to-subscriber latency of every delivery, in microseconds
     * @param missing       the first deliveries that did not happen ({@link Deliveries#missing}), empty when none
     */
    public record Outcome(long expected, long delivered, long duplicates, long strays, long elapsedNanos,
                          Histogram latencyMicros, List<String> missing) {

        public boolean exact() {
            return delivered == expected && duplicates == 0 && strays == 0;
        }

        public String describe() {
            return String.format("%,d of %,d delivered, %,d duplicates, %,d unexpected", delivered, expected,
                    duplicates, strays) + (missing.isEmpty() ? "" : "; first missing: " + String.join(", ", missing));
        }
    }
}
