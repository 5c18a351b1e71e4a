package io.hauyna.jakarta.internal.channel;

import io.hauyna.jakarta.internal.connection.EncodedMessage;
import io.hauyna.jakarta.internal.connection.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The messages of a shared stream that reached this node before their turn: the grid numbers a
 * channel's messages as nodes append them, and the nodes send them on in parallel, so offset 7 may
 * arrive before offset 6. They wait here, by offset, until the stream reaches them. Not thread-safe:
 * used under the stream's monitor.
 */
final class HeldBack {

    /**
     * One message waiting: where it goes on this node (the publisher's own connection is left
     * out), its frame, the epoch it was numbered in, and when it was published (System.nanoTime).
     */
    record Arrival(Target.Channel target, EncodedMessage frame, String epoch, long atNanos) {
    }

    private final TreeMap<Long, Arrival> waiting = new TreeMap<>();
    private boolean filling;

    /** Holds a message back; a second arrival of the same offset (a gap filled twice) is ignored. */
    void hold(long offset, Arrival arrival) {
        waiting.putIfAbsent(offset, arrival);
    }

    /**
     * @param top the stream's last offset
     * @return the waiting messages that follow {@code top} without a gap, in order, removed from here;
     *         those at or below {@code top} are dropped (delivered already)
     */
    List<Map.Entry<Long, Arrival>> takeReady(long top) {
        waiting.headMap(top, true).clear();
        List<Map.Entry<Long, Arrival>> ready = new ArrayList<>();
        long next = top + 1;
        while (!waiting.isEmpty() && waiting.firstKey() == next) {
            ready.add(waiting.pollFirstEntry());
            next++;
        }
        return ready;
    }

    /** @return the first offset waiting; only when {@link #isEmpty()} is false */
    long first() {
        return waiting.firstKey();
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    int size() {
        return waiting.size();
    }

    /** Drops what was numbered in another epoch: the stream loaded from the grid is another one. */
    void keepOnly(String epoch) {
        waiting.values().removeIf(arrival -> !arrival.epoch().equals(epoch));
    }

    /** @return whether a read of the gap may start: none is on its way */
    boolean startFilling() {
        if (filling) {
            return false;
        }
        filling = true;
        return true;
    }

    /** The read of the gap has ended. */
    void filled() {
        filling = false;
    }
}
