package io.hauyna.jakarta.internal.console;

import java.util.ArrayList;
import java.util.List;

/**
 * This node's load over the last {@value #SECONDS} seconds, one sample a second: open connections,
 * deliveries and frames received per second. A ring of fixed size, written by the console's tick
 * only, so that a page opened now draws the last five minutes at once.
 */
final class ConnectionHistory {

    static final int SECONDS = 300;

    /** One second: when (epoch seconds), connections open, deliveries and frames received in that second. */
    record Sample(long epochSecond, int connections, long deliveries, long framesReceived) {
    }

    private final Sample[] ring = new Sample[SECONDS];
    private int next;
    private int size;
    private long lastDeliveries = -1;
    private long lastFramesReceived;

    /**
     * @param epochSecond         the second sampled
     * @param connections         connections open now
     * @param deliveriesTotal     the deliveries counter now
     * @param framesReceivedTotal the frames-received counter now
     */
    synchronized void sample(long epochSecond, int connections, long deliveriesTotal, long framesReceivedTotal) {
        // The first sample has no previous counter to subtract: it counts as a quiet second.
        long deliveries = lastDeliveries < 0 ? 0 : Math.max(0, deliveriesTotal - lastDeliveries);
        long frames = lastDeliveries < 0 ? 0 : Math.max(0, framesReceivedTotal - lastFramesReceived);
        lastDeliveries = deliveriesTotal;
        lastFramesReceived = framesReceivedTotal;
        ring[next] = new Sample(epochSecond, connections, deliveries, frames);
        next = (next + 1) % SECONDS;
        size = Math.min(size + 1, SECONDS);
    }

    /** @return the samples, oldest first; empty before the first */
    synchronized List<Sample> samples() {
        List<Sample> samples = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            samples.add(ring[(next - size + i + SECONDS) % SECONDS]);
        }
        return samples;
    }
}
