package io.hauyna.bench.scenario;

import io.hauyna.bench.BenchContext;
import io.hauyna.bench.Progress;
import io.hauyna.bench.load.BenchConnection;
import io.hauyna.bench.load.LoadGenerator.Target;
import io.hauyna.bench.load.Payloads;
import io.hauyna.bench.report.Metric;
import io.hauyna.bench.report.TableSpec;
import io.hauyna.bench.server.ProcessMetrics;
import io.hauyna.bench.server.ServerStats;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scenario 8: connect, subscribe (waiting for the reply), publish to the channel (waiting for the
 * reply), close; 64 cycles at a time. At the end every registry must be empty and the heap after
 * collection back where it started.
 */
public final class Churn implements Scenario {

    public static final String ID = "churn";
    private static final int CONCURRENT = 64;
    private static final byte[] REPLY_1 = "\"ref\":1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REPLY_2 = "\"ref\":2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR = "\"status\":\"error\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REPLY = "\"type\":\"reply\"".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TableSpec table() {
        return new TableSpec(ID, "8. Churn: connect / subscribe / message / close cycles",
                List.of(Metric.CPU_PER_CYCLE, Metric.CYCLES_PER_SECOND, Metric.HEAP_START_MB, Metric.HEAP_END_MB,
                        Metric.LEFT_IN_REGISTRIES), null);
    }

    @Override
    public void run(BenchContext context) {
        int rounds = context.scale().rounds();
        int perRound = context.scale().churnCycles() / rounds;
        String variant = String.format("%,d cycles in %d rounds", perRound * rounds, rounds);
        ServerStats start = context.server().settledStats();
        context.server().histogram("churn-start");
        AtomicInteger next = new AtomicInteger();
        for (int round = 1; round <= rounds; round++) {
            Progress.say("round %d/%d · %,d cycles", round, rounds, perRound);
            ProcessMetrics before = context.server().process();
            long started = System.nanoTime();
            Map<String, Integer> failed = cycles(context, perRound, next);
            double seconds = (System.nanoTime() - started) / 1e9;
            ProcessMetrics after = context.server().process();
            if (!failed.isEmpty()) {
                int count = failed.values().stream().mapToInt(Integer::intValue).sum();
                context.fail(ID, variant, "hauyna", round, count + " of " + perRound + " cycles failed, by the step they were at: " + failed);
                continue;
            }
            Map<Metric, Double> figures = new LinkedHashMap<>();
            figures.put(Metric.CPU_PER_CYCLE, (after.cpuNanosSince(before)) / 1000.0 / perRound);
            figures.put(Metric.CYCLES_PER_SECOND, perRound / seconds);
            context.record(ID, variant, "hauyna", round, figures);
        }
        ServerStats left = context.server().awaitStats(ServerStats::empty, Duration.ofSeconds(60));
        ServerStats end = context.server().settledStats();
        context.server().histogram("churn-end");
        Map<Metric, Double> figures = new LinkedHashMap<>();
        figures.put(Metric.HEAP_START_MB, start.heapUsed() / 1048576.0);
        figures.put(Metric.HEAP_END_MB, end.heapUsed() / 1048576.0);
        figures.put(Metric.LEFT_IN_REGISTRIES, (double) (left.connections() + left.channels() + left.groups() + left.presences()
                + left.handWrittenSessions() + left.rawIdleSessions()));
        context.record(ID, variant, "hauyna", 0, figures);
        if (!left.empty()) {
            context.fail(ID, variant, "hauyna", 0, "registries not empty after the last close: " + left);
        }
    }

    /** @return how many cycles failed, by the step each was at (connecting, a reply it waited for, closing); empty when none */
    private static Map<String, Integer> cycles(BenchContext context, int count, AtomicInteger next) {
        Semaphore window = new Semaphore(CONCURRENT);
        Map<String, Integer> failed = new ConcurrentSkipListMap<>();
        CompletableFuture<?>[] all = new CompletableFuture<?>[count];
        for (int i = 0; i < count; i++) {
            acquire(window);
            int k = next.getAndIncrement();
            AtomicReference<String> step = new AtomicReference<>("connecting");
            all[i] = cycle(context, k, step).whenComplete((ok, failure) -> {
                if (failure != null || !ok) {
                    failed.merge(step.get() + (failure != null ? " (" + failure.getClass().getSimpleName() + ")" : ""), 1, Integer::sum);
                }
                window.release();
            });
        }
        CompletableFuture.allOf(all).exceptionally(ignored -> null).join();
        return failed;
    }

    private static CompletableFuture<Boolean> cycle(BenchContext context, int k, AtomicReference<String> step) {
        String user = "churn-" + k;
        String channel = "churn:" + (k % 100);
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        AtomicReference<BenchConnection> self = new AtomicReference<>();
        context.load().open(0, Target.of(context.uri("sub/none", user), user)).whenComplete((connection, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
                return;
            }
            self.set(connection);
            if (done.isDone()) {
                connection.close(); // opened after the cycle timed out
                return;
            }
            connection.receiver((c, text) -> {
                if (!Payloads.contains(text, REPLY)) {
                    return; // others' messages in the same channel
                }
                if (Payloads.contains(text, ERROR)) {
                    done.complete(false);
                    c.close();
                } else if (Payloads.contains(text, REPLY_1)) {
                    step.set("waiting for the channel_message reply");
                    c.send("{\"type\":\"channel_message\",\"channel\":\"" + channel + "\",\"message\":{\"k\":" + k + "},\"ref\":2}");
                } else if (Payloads.contains(text, REPLY_2)) {
                    step.set("closing");
                    c.close().whenComplete((code, ignored) -> done.complete(true));
                }
            });
            step.set("waiting for the subscribe_channel reply");
            connection.send("{\"type\":\"subscribe_channel\",\"channel\":\"" + channel + "\",\"ref\":1}");
        });
        return done.orTimeout(60, TimeUnit.SECONDS).whenComplete((ok, failure) -> {
            BenchConnection connection = self.get();
            if (failure != null && connection != null) {
                connection.close();
            }
        });
    }

    private static void acquire(Semaphore window) {
        try {
            if (!window.tryAcquire(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("No churn cycle finished for 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
