package io.hauyna.bench.scenario;

import io.hauyna.bench.BenchContext;
import io.hauyna.bench.Pause;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 11: what a kept message costs. Each round, one connection joins 100 new history channels
 * ({@code hist:*}, 100 messages each, the default) and fills each with 100 messages; the heap after
 * two full collections before and after, divided by the 10,000 kept messages, next to the size of one
 * kept frame (what the history's byte budgets count).
 */
public final class HistoryMemory implements Scenario {

    public static final String ID = "history-memory";
    private static final int CHANNELS = 100;
    private static final int KEPT_EACH = 100;
    private static final byte[] OK = "\"status\":\"ok\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PONG = "\"type\":\"pong\"".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TableSpec table() {
        return new TableSpec(ID, "11. History memory: 100 channels keeping 100 messages each",
                List.of(Metric.HEAP_PER_KEPT_MESSAGE, Metric.KEPT_FRAME_BYTES), null);
    }

    @Override
    public void run(BenchContext context) {
        for (int payload : context.scale().payloadBytes()) {
            String variant = String.format("%,d channels × %,d messages · %s", CHANNELS, KEPT_EACH,
                    payload >= 1024 ? payload / 1024 + " KiB" : payload + " B");
            for (int round = 1; round <= context.scale().rounds(); round++) {
                Progress.say("%s · round %d/%d", variant, round, context.scale().rounds());
                fill(context, variant, round, payload);
            }
        }
    }

    private static void fill(BenchContext context, String variant, int round, int payload) {
        AtomicInteger joined = new AtomicInteger();
        AtomicInteger pongs = new AtomicInteger();
        BenchConnection keeper = context.load().connect(0, Target.of(context.uri("sub/none", "keeper-" + round), "keeper-" + round));
        try {
            context.awaitOpened(1);
            keeper.receiver((connection, text) -> {
                if (Payloads.contains(text, OK)) {
                    joined.incrementAndGet();
                } else if (Payloads.contains(text, PONG)) {
                    pongs.incrementAndGet();
                }
            });
            String prefix = Mode.HISTORY_PREFIX + "memory-" + payload + "-" + round + "-";
            for (int channel = 0; channel < CHANNELS; channel++) {
                keeper.send("{\"type\":\"subscribe_channel\",\"channel\":\"" + prefix + channel + "\",\"ref\":" + channel + "}");
            }
            if (!await(() -> joined.get() >= CHANNELS)) {
                context.fail(ID, variant, "hauyna", round, joined.get() + " of " + CHANNELS + " joins confirmed");
                return;
            }
            ServerStats before = context.server().stats(true);
            String message = Payloads.message(1, System.nanoTime(), payload);
            for (int n = 0; n < KEPT_EACH; n++) {
                for (int channel = 0; channel < CHANNELS; channel++) {
                    keeper.send("{\"type\":\"channel_message\",\"channel\":\"" + prefix + channel + "\",\"message\":" + message + "}");
                }
            }
            // Frames of one connection are handled in order: the pong comes after every publish.
            keeper.send("{\"type\":\"ping\",\"ref\":\"kept\"}");
            if (!await(() -> pongs.get() >= 1)) {
                context.fail(ID, variant, "hauyna", round, "no pong after the publishes");
                return;
            }
            ServerStats after = context.server().stats(true);
            String kept = "{\"type\":\"channel_message\",\"channel\":\"" + prefix + "50\",\"from\":\"keeper-" + round + "\",\"message\":"
                    + message + ",\"offset\":50,\"epoch\":\"abcdefghijkl\"}";
            Map<Metric, Double> figures = new LinkedHashMap<>();
            figures.put(Metric.HEAP_PER_KEPT_MESSAGE, (after.heapUsed() - before.heapUsed()) / (double) (CHANNELS * KEPT_EACH));
            figures.put(Metric.KEPT_FRAME_BYTES, (double) kept.getBytes(StandardCharsets.UTF_8).length);
            context.record(ID, variant, "hauyna", round, figures);
        } finally {
            context.load().closeAll(List.of(keeper));
        }
    }

    private static boolean await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Pause.millis(20);
        }
        return condition.getAsBoolean();
    }
}
