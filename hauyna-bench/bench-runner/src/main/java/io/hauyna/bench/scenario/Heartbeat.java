package io.hauyna.bench.scenario;

import io.hauyna.bench.Pause;
import io.hauyna.bench.BenchContext;
import io.hauyna.bench.Progress;
import io.hauyna.bench.load.BenchConnection;
import io.hauyna.bench.load.LoadGenerator.Target;
import io.hauyna.bench.report.Metric;
import io.hauyna.bench.report.TableSpec;
import io.hauyna.bench.server.ProcessMetrics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 7: server CPU of 10,000 idle Hauyna connections, first without the heartbeat
 * ({@code /sub/none}: the bench server runs with {@code hauyna.heartbeat.interval=0}), then with the
 * default heartbeat ({@code /beat}, whose {@code @Heartbeat} asks for the default interval and
 * timeout), in the same server process, one after the other.
 *
 * <p>Hauyna's heartbeat is one sweep a second that pings each connection whose interval (30 s) has
 * passed since its last ping. The connections with the heartbeat are opened evenly over one
 * interval, as clients arriving at random would be, so that their pings are spread evenly over
 * every interval too: then a window of a whole number of seconds holds that many sweeps and the
 * same share of the pings, and a few seconds read the rate as well as a whole interval did (opened
 * as fast as the server takes them, the pings of 10,000 connections came in a bunch once every 30
 * s, and each window had to be one interval long). Both phases use windows of the same length. It
 * runs after the other idle scenario rather than first: in its first minutes a server is busy with
 * its own start.
 */
public final class Heartbeat implements Scenario {

    public static final String ID = "heartbeat";
    public static final String DEFAULT = "heartbeat every 30 s (default)";
    public static final String OFF = "heartbeat off";

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
        measure(context, OFF, "sub/none", Duration.ZERO);
        measure(context, DEFAULT, "beat", Duration.ofSeconds(context.scale().heartbeatOpeningSeconds()));
    }

    private static void measure(BenchContext context, String variant, String path, Duration opening) {
        int count = context.scale().idleConnections();
        int window = context.scale().heartbeatWindowSeconds();
        String label = String.format("%,d idle connections · %s", count, variant);
        Progress.say("%s: opening connections over %d s", label, opening.toSeconds());
        List<BenchConnection> idle = context.load().openAll(count,
                slot -> Target.of(context.uri(path, "idle-" + slot), "idle-" + slot), 200, opening);
        try {
            // let the opening's work (and its collections) settle before the first window; a paced
            // opening needs longer: on a fresh Payara, the first two 6-second windows after it read
            // 4 and 2 times the later ones
            Pause.millis(opening.isZero() ? Math.min(5, window) * 1000L : opening.toMillis() * 2 / 3);
            for (int round = 1; round <= context.scale().rounds(); round++) {
                Progress.say("%s · window %d/%d of %d s", label, round, context.scale().rounds(), window);
                ProcessMetrics before = context.server().process();
                long started = System.nanoTime();
                Pause.millis(window * 1000L);
                ProcessMetrics after = context.server().process();
                double seconds = (System.nanoTime() - started) / 1e9;
                Map<Metric, Double> figures = new LinkedHashMap<>();
                figures.put(Metric.CPU_MS_PER_SECOND, (after.cpuNanosSince(before)) / 1e6 / seconds);
                figures.put(Metric.THREADS, (double) after.threads());
                figures.put(Metric.RSS_MB, after.rssBytes() / 1048576.0);
                context.record(ID, label, "hauyna", round, figures);
            }
            long open = idle.stream().filter(BenchConnection::isOpen).count();
            if (open < count) {
                context.fail(ID, label, "hauyna", context.scale().rounds(), (count - open) + " idle connections were closed by the server");
            }
        } finally {
            context.load().closeAll(idle);
        }
    }
}
