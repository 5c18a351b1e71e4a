package io.hauyna.bench.scenario;

import io.hauyna.bench.Pause;
import io.hauyna.bench.BenchContext;
import io.hauyna.bench.Progress;
import io.hauyna.bench.load.BenchConnection;
import io.hauyna.bench.load.LoadGenerator.Target;
import io.hauyna.bench.report.Metric;
import io.hauyna.bench.report.TableSpec;
import io.hauyna.bench.server.ProcessMetrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 7: server CPU of 10,000 idle Hauyna connections with the default heartbeat ({@code /beat},
 * whose {@code @Heartbeat} asks for the default interval and timeout; the bench server runs with the
 * heartbeat switched off everywhere else), over windows of one interval (30 s, so that each holds
 * one sweep of pings and pongs).
 *
 * <p>The same figure without the heartbeat is read by scenario 5 on its 10,000 idle Hauyna
 * connections ({@code /sub/none}), which it opens anyway, one window per round, and recorded here
 * ({@link #window}): without pings nothing Hauyna does is periodic, so a fifth of the interval is
 * enough to read the rate, and 10,000 connections are not opened once more just for that. The
 * figure is CPU milliseconds per second either way; run scenario 5 with this one to compare.
 */
public final class Heartbeat implements Scenario {

    public static final String ID = "heartbeat";
    public static final String DEFAULT = "heartbeat every 30 s (default)";
    public static final String OFF = "heartbeat off (during scenario 5)";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TableSpec table() {
        return new TableSpec(ID, "7. Heartbeat at scale: idle connections, server CPU",
                List.of(Metric.CPU_MS_PER_SECOND, Metric.THREADS, Metric.RSS_MB), null);
    }

    @Override
    public void run(BenchContext context) {
        int count = context.scale().idleConnections();
        int window = context.scale().heartbeatWindowSeconds();
        String label = label(count, DEFAULT);
        Progress.say("%s: opening connections", label);
        List<BenchConnection> idle = context.load().openAll(count, slot -> Target.of(context.uri("beat", "beat-" + slot), "beat-" + slot), 200);
        try {
            // let the opening's work (and its collections) settle before the first window
            Pause.millis(Math.min(5, window) * 1000L);
            for (int round = 1; round <= context.scale().rounds(); round++) {
                window(context, label, round, window);
            }
            long open = idle.stream().filter(BenchConnection::isOpen).count();
            if (open < count) {
                context.fail(ID, label, "hauyna", context.scale().rounds(), (count - open) + " idle connections were closed by the server");
            }
        } finally {
            context.load().closeAll(idle);
        }
    }

    /** @return the variant label of {@code count} idle connections with or without the heartbeat */
    static String label(int count, String variant) {
        return String.format("%,d idle connections · %s", count, variant);
    }

    /** Measures the server's CPU over one idle window of {@code seconds} and records it as a round of {@code label}. */
    static void window(BenchContext context, String label, int round, int seconds) {
        Progress.say("%s · window %d/%d of %d s", label, round, context.scale().rounds(), seconds);
        ProcessMetrics before = context.server().process();
        long started = System.nanoTime();
        Pause.millis(seconds * 1000L);
        ProcessMetrics after = context.server().process();
        double elapsed = (System.nanoTime() - started) / 1e9;
        Map<Metric, Double> figures = new LinkedHashMap<>();
        figures.put(Metric.CPU_MS_PER_SECOND, (after.cpuNanosSince(before)) / 1e6 / elapsed);
        figures.put(Metric.THREADS, (double) after.threads());
        figures.put(Metric.RSS_MB, after.rssBytes() / 1048576.0);
        context.record(ID, label, "hauyna", round, figures);
    }
}
