package io.hauyna.jakarta.internal.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Keeps the {@code limit} largest of the items offered, in memory bounded by the limit whatever
 * their number: the console shows the largest channels and queues of a node that may have a
 * hundred thousand of each.
 */
final class Largest<T> {

    private final int limit;
    private final Comparator<T> order;
    /** Smallest on top, so that a larger item replaces it. */
    private final PriorityQueue<T> kept;

    Largest(int limit, Comparator<T> order) {
        this.limit = limit;
        this.order = order;
        this.kept = new PriorityQueue<>(limit + 1, order);
    }

    void offer(T item) {
        if (kept.size() < limit) {
            kept.add(item);
        } else if (order.compare(item, kept.peek()) > 0) {
            kept.poll();
            kept.add(item);
        }
    }

    /** @return the kept items, largest first; empty when none was offered */
    List<T> largestFirst() {
        List<T> sorted = new ArrayList<>(kept);
        sorted.sort(order.reversed());
        return sorted;
    }
}
