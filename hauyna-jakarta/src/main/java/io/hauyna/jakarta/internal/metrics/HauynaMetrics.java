package io.hauyna.jakarta.internal.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The application's counters, always on. Each update is a {@link LongAdder} increment, which does
 * not contend between threads, so the hot paths (every frame, every delivery) may count freely.
 * Values that describe the present (open connections, queue depths) are not counted here: they are
 * read from the registries when someone asks.
 *
 * <p>Keyed counters are bounded: a client chooses its close code, so only the codes the WebSocket
 * specification and Hauyna define get their own counter; any other counts under {@link #OTHER_CLOSE_CODE}.
 */
@ApplicationScoped
public class HauynaMetrics {

    /** The key under which close codes without a counter of their own are counted. */
    public static final String OTHER_CLOSE_CODE = "other";
    /**
     * The key for closes whose code Hauyna did not see: the client closed, and the endpoint's
     * {@code @OnClose} does not take the {@code CloseReason} (the container passes it only then).
     */
    public static final String UNKNOWN_CLOSE_CODE = "unknown";

    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder connectionsRefused = new LongAdder();
    private final Map<String, LongAdder> closedByCode = new ConcurrentHashMap<>();
    private final LongAdder framesReceived = new LongAdder();
    private final LongAdder framesSent = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder slowConsumerCloses = new LongAdder();
    private final LongAdder rateLimitedFrames = new LongAdder();
    private final LongAdder heartbeatTimeouts = new LongAdder();
    private final Map<Integer, LongAdder> handshakeRefusals = new ConcurrentHashMap<>();
    private final DurationHistogram publishDurations = new DurationHistogram();
    private final LongAdder gridFramesIn = new LongAdder();
    private final LongAdder gridFramesOut = new LongAdder();
    /** Whether the per-frame figures are counted: see {@link #countPerFrame(boolean)}. */
    private volatile boolean perFrame = true;

    /**
     * Switches the per-frame figures — frames received and sent, bytes sent, deliveries, publish
     * durations — on or off at run time, e.g. to measure what counting them costs. Everything else
     * (connections, closes, refusals, drops, the gauges) is always counted.
     */
    public void countPerFrame(boolean on) {
        perFrame = on;
    }

    /** @return whether the per-frame figures are counted (they are unless switched off) */
    public boolean countsPerFrame() {
        return perFrame;
    }

    public void connectionOpened() {
        connectionsOpened.increment();
    }

    /** A connection was refused after its upgrade by a connection limit. */
    public void connectionRefused() {
        connectionsRefused.increment();
    }

    /** @param code the close code {@code @OnClose} saw, or Hauyna closed the connection with */
    public void connectionClosed(int code) {
        closed(closeCodeKey(code));
    }

    /** A connection closed with a code Hauyna did not see. */
    public void connectionClosedWithoutCode() {
        closed(UNKNOWN_CLOSE_CODE);
    }

    private void closed(String key) {
        closedByCode.computeIfAbsent(key, unused -> new LongAdder()).increment();
    }

    /** @return the code's own key for codes of RFC 6455 (1000-1015) and of Hauyna (4000, 4001, 4029, 4030), else {@link #OTHER_CLOSE_CODE} */
    static String closeCodeKey(int code) {
        boolean known = (code >= 1000 && code <= 1015) || code == 4000 || code == 4001 || code == 4029 || code == 4030;
        return known ? Integer.toString(code) : OTHER_CLOSE_CODE;
    }

    public void frameReceived() {
        if (perFrame) {
            framesReceived.increment();
        }
    }

    /** A frame was handed to the container to write. */
    public void frameSent(long bytes) {
        if (perFrame) {
            framesSent.increment();
            bytesSent.add(bytes);
        }
    }

    /** @param connections how many connections of this node a fan-out reached */
    public void delivered(int connections) {
        if (perFrame) {
            deliveries.add(connections);
        }
    }

    /** @param messages how many queued messages an outbound queue threw away */
    public void dropped(long messages) {
        dropped.add(messages);
    }

    public void slowConsumerClosed() {
        slowConsumerCloses.increment();
    }

    public void rateLimited() {
        rateLimitedFrames.increment();
    }

    public void heartbeatTimedOut() {
        heartbeatTimeouts.increment();
    }

    /**
     * @param status the HTTP status the handshake pipeline refused an upgrade with (where the container
     *               cannot refuse an upgrade, the client sees a close with 1008 instead); HTTP statuses
     *               are three digits, so the keys are bounded
     */
    public void handshakeRefused(int status) {
        handshakeRefusals.computeIfAbsent(status, key -> new LongAdder()).increment();
    }

    /** @param nanos how long one fan-out took to hand its message to the grid and to this node's queues */
    public void published(long nanos) {
        if (perFrame) {
            publishDurations.record(nanos);
        }
    }

    public void gridFrameIn() {
        gridFramesIn.increment();
    }

    public void gridFrameOut() {
        gridFramesOut.increment();
    }

    /** @return the counters now; each is exact, but they are not read at one instant */
    public Counters read() {
        return new Counters(connectionsOpened.sum(), connectionsRefused.sum(), sums(closedByCode),
                framesReceived.sum(), framesSent.sum(), bytesSent.sum(), deliveries.sum(), dropped.sum(),
                slowConsumerCloses.sum(), rateLimitedFrames.sum(), heartbeatTimeouts.sum(), sums(handshakeRefusals),
                publishDurations.count(), publishDurations.total(), publishDurations.max(), publishDurations.cumulativeCounts(),
                gridFramesIn.sum(), gridFramesOut.sum());
    }

    private static <K extends Comparable<K>> Map<K, Long> sums(Map<K, LongAdder> counters) {
        Map<K, Long> sums = new TreeMap<>();
        counters.forEach((key, counter) -> sums.put(key, counter.sum()));
        return java.util.Collections.unmodifiableMap(sums);
    }

    /** What {@link #read()} returns; the maps are sorted by key and unmodifiable. */
    public record Counters(long connectionsOpened, long connectionsRefused, Map<String, Long> closedByCode,
                           long framesReceived, long framesSent, long bytesSent, long deliveries, long dropped,
                           long slowConsumerCloses, long rateLimitedFrames, long heartbeatTimeouts,
                           Map<Integer, Long> handshakeRefusals,
                           long publishCount, Duration publishTotal, Duration publishMax, Map<Duration, Long> publishBuckets,
                           long gridFramesIn, long gridFramesOut) {
    }
}
