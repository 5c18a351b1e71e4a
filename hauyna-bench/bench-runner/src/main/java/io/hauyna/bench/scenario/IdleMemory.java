package io.hauyna.bench.scenario;

import io.hauyna.bench.Pause;
import io.hauyna.bench.BenchContext;
import io.hauyna.bench.Progress;
import io.hauyna.bench.load.BenchConnection;
import io.hauyna.bench.load.LoadGenerator.Target;
import io.hauyna.bench.load.Payloads;
import io.hauyna.bench.report.Metric;
import io.hauyna.bench.report.TableSpec;
import io.hauyna.bench.server.ServerStats;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Scenario 5: what an idle connection costs. Each round opens 10,000 connections to the plain
 * endpoint ({@code raw}) and, separately, to Hauyna's ({@code hauyna}), in alternating order, and
 * reads the heap after two full collections before and after. Then each Hauyna connection joins 5
 * channels over the protocol: the heap growth per subscription, over the last 4 joins (the first is
 * the connection's first frame, after which a server may keep a read buffer for it).
 */
public final class IdleMemory implements Scenario {

    public static final String ID = "idle-memory";
    private static final int CHANNELS_EACH = 5;
    private static final int JOINS_IN_FLIGHT = 256;
    private static final byte[] OK = "\"status\":\"ok\"".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TableSpec table() {
        return new TableSpec(ID, "5. Idle memory",
                List.of(Metric.HEAP_PER_CONNECTION, Metric.HEAP_ABOVE_RAW, Metric.RSS_PER_CONNECTION, Metric.HEAP_PER_SUBSCRIPTION),
                null);
    }

    @Override
    public void run(BenchContext context) {
        int count = context.scale().idleConnections();
        String variant = String.format("%,d idle connections", count);
        for (int round = 1; round <= context.scale().rounds(); round++) {
            double raw;
            double hauyna;
            if (round % 2 == 1) {
                raw = raw(context, count, variant, round);
                hauyna = hauyna(context, count, variant, round);
            } else {
                hauyna = hauyna(context, count, variant, round);
                raw = raw(context, count, variant, round);
            }
            context.record(ID, variant, "hauyna", round, Map.of(Metric.HEAP_ABOVE_RAW, hauyna - raw));
        }
    }

    /** @return heap bytes per connection of the plain endpoint */
    private static double raw(BenchContext context, int count, String variant, int round) {
        Progress.say("round %d/%d · raw · opening %,d idle connections", round, context.scale().rounds(), count);
        ServerStats before = context.server().settledStats();
        long rssBefore = context.server().process().rssBytes();
        List<BenchConnection> idle = context.load().openAll(count, slot -> Target.of(context.uri("raw", "raw-" + slot), "raw-" + slot), 200);
        ServerStats after;
        long rssAfter;
        try {
            after = context.server().stats(true);
            rssAfter = context.server().process().rssBytes();
            context.server().histogram("idle-raw-" + round);
        } finally {
            context.load().closeAll(idle);
        }
        context.server().awaitStats(ServerStats::empty, Duration.ofSeconds(60));
        double perConnection = (after.heapUsed() - before.heapUsed()) / (double) count;
        Map<Metric, Double> figures = new LinkedHashMap<>();
        figures.put(Metric.HEAP_PER_CONNECTION, perConnection);
        figures.put(Metric.RSS_PER_CONNECTION, (rssAfter - rssBefore) / (double) count);
        context.record(ID, variant, "raw", round, figures);
        return perConnection;
    }

    /** @return heap bytes per Hauyna connection (before it joins any channel) */
    private static double hauyna(BenchContext context, int count, String variant, int round) {
        Progress.say("round %d/%d · hauyna · opening %,d idle connections", round, context.scale().rounds(), count);
        ServerStats before = context.server().settledStats();
        long rssBefore = context.server().process().rssBytes();
        List<BenchConnection> idle = context.load().openAll(count, slot -> Target.of(context.uri("sub/none", "idle-" + slot), "idle-" + slot), 200);
        try {
            return hauynaJoining(context, idle, before, rssBefore, variant, round);
        } finally {
            context.load().closeAll(idle);
            context.server().awaitStats(ServerStats::empty, Duration.ofSeconds(60));
        }
    }

    private static double hauynaJoining(BenchContext context, List<BenchConnection> idle, ServerStats before, long rssBefore,
                                        String variant, int round) {
        int count = idle.size();
        ServerStats connected = context.server().stats(true);
        long rssAfter = context.server().process().rssBytes();
        context.server().histogram("idle-hauyna-" + round);
        // the first join is a connection's first frame, and a server may keep a read buffer from then
        // on (Payara keeps about 1.4 KB): the cost of a subscription is read over the joins after it
        long firstJoins = join(idle, 0, 1);
        ServerStats joinedOne = context.server().stats(true);
        long moreJoins = join(idle, 1, CHANNELS_EACH);
        ServerStats subscribed = context.server().stats(true);
        context.server().histogram("idle-subscribed-" + round);
        long expected = (long) count * CHANNELS_EACH;
        if (firstJoins + moreJoins < expected) {
            context.fail(ID, variant, "hauyna", round, (firstJoins + moreJoins) + " of " + expected + " joins confirmed");
        }
        double perConnection = (connected.heapUsed() - before.heapUsed()) / (double) count;
        Map<Metric, Double> figures = new LinkedHashMap<>();
        figures.put(Metric.HEAP_PER_CONNECTION, perConnection);
        figures.put(Metric.RSS_PER_CONNECTION, (rssAfter - rssBefore) / (double) count);
        figures.put(Metric.HEAP_PER_SUBSCRIPTION, (subscribed.heapUsed() - joinedOne.heapUsed()) / (double) count / (CHANNELS_EACH - 1));
        context.record(ID, variant, "hauyna", round, figures);
        return perConnection;
    }

    /**
     * Has every connection join channels {@code from} (inclusive) to {@code to} (exclusive) of its
     * own, keeping at most {@link #JOINS_IN_FLIGHT} unanswered: a burst of 50,000 frames overflows
     * Payara's worker queue (4,096 tasks), which then drops reads, and no client joins all at once.
     *
     * @return how many joins were confirmed within two minutes
     */
    private static long join(List<BenchConnection> idle, int from, int to) {
        LongAdder joined = new LongAdder();
        Semaphore window = new Semaphore(JOINS_IN_FLIGHT);
        idle.forEach(connection -> connection.receiver((c, text) -> {
            if (Payloads.contains(text, OK)) {
                joined.increment();
                window.release();
            }
        }));
        long expected = (long) idle.size() * (to - from);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        sending:
        for (int k = from; k < to; k++) {
            for (BenchConnection connection : idle) {
                if (!acquire(window, deadline)) {
                    break sending;
                }
                connection.send("{\"type\":\"subscribe_channel\",\"channel\":\"idle:" + ((connection.slot() * CHANNELS_EACH + k) % 2000)
                        + "\",\"ref\":" + k + "}");
            }
        }
        while (joined.sum() < expected && System.nanoTime() < deadline) {
            Pause.millis(20);
        }
        return joined.sum();
    }

    private static boolean acquire(Semaphore window, long deadline) {
        try {
            return window.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

}
