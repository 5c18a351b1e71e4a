package io.hauyna.bench;

import io.hauyna.bench.load.Deliveries;
import io.hauyna.bench.load.LoadGenerator;
import io.hauyna.bench.report.Metric;
import io.hauyna.bench.report.Results;
import io.hauyna.bench.server.ProcessMetrics;
import io.hauyna.bench.server.RunningServer;
import io.hauyna.bench.server.ServerLauncher;
import io.hauyna.bench.server.ServerStats;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** What every scenario works with: the server under test, the load generator, the results, the scale. */
public final class BenchContext {

    /** How long a run may go without a single delivery before it is declared lost. */
    public static final Duration STALL = Duration.ofSeconds(20);

    private final ServerLauncher launcher;
    private final RunningServer server;
    private final LoadGenerator load;
    private final Results results;
    private final Scale scale;
    private final AtomicLong ids;

    BenchContext(ServerLauncher launcher, RunningServer server, LoadGenerator load, Results results, Scale scale, AtomicLong ids) {
        this.launcher = launcher;
        this.server = server;
        this.load = load;
        this.results = results;
        this.scale = scale;
        this.ids = ids;
    }

    public RunningServer server() {
        return server;
    }

    public LoadGenerator load() {
        return load;
    }

    public Scale scale() {
        return scale;
    }

    /** @return whether {@code tyrus-broadcast} can run: the server runs Tyrus and the WAR sees it */
    public boolean tyrus() {
        return launcher.tyrus() && server.stats(false).tyrus();
    }

    /** @return the first of {@code count} fresh message ids, never used before in this run */
    public long ids(int count) {
        return ids.getAndAdd(count);
    }

    /**
     * Waits until the bench endpoint has finished {@code @OnOpen} (where it subscribes a connection
     * to its room) for {@code sessions} connections. A client hears the upgrade's 101 before the
     * server runs {@code @OnOpen}, and after a burst of thousands of upgrades that can be seconds
     * later: a broadcast sent in between rightly misses the connections not yet subscribed.
     */
    public void awaitOpened(int sessions) {
        ServerStats stats = server.awaitStats(s -> s.handWrittenSessions() >= sessions, Duration.ofSeconds(60));
        if (stats.handWrittenSessions() < sessions) {
            throw new IllegalStateException("only " + stats.handWrittenSessions() + " of " + sessions + " connections opened within 60 s");
        }
    }

    /** @return {@code ws://…/bench/<path>?u=<user>} */
    public URI uri(String path, String user) {
        return URI.create(server.webSocketBase() + "/" + path + "?u=" + URLEncoder.encode(user, StandardCharsets.UTF_8));
    }

    /** @return {@code ws://…/bench/<path>?u=<user>&<query>} */
    public URI uri(String path, String user, String query) {
        return URI.create(uri(path, user) + "&" + query);
    }

    /** What the server spent during one measured run, and what the load generator saw. */
    public record Measured(Deliveries.Outcome outcome, long cpuNanos, long gcMillis, ProcessMetrics after) {

        /** @return the figures of a delivery run: CPU per delivery, rate, latency, GC, RSS, threads */
        public Map<Metric, Double> deliveryFigures() {
            Map<Metric, Double> figures = BenchContext.deliveryFigures(outcome, cpuNanos, gcMillis);
            figures.put(Metric.RSS_MB, after.rssBytes() / 1048576.0);
            figures.put(Metric.THREADS, (double) after.threads());
            return figures;
        }
    }

    /**
     * @param cpuNanos what the server (or every node of a cluster) spent on the run
     * @param gcMillis the time it spent collecting meanwhile
     * @return CPU per delivery, rate, latency percentiles and collection time of a delivery run
     */
    public static Map<Metric, Double> deliveryFigures(Deliveries.Outcome outcome, long cpuNanos, long gcMillis) {
        Map<Metric, Double> figures = new LinkedHashMap<>();
        long delivered = Math.max(1, outcome.delivered());
        figures.put(Metric.CPU_PER_DELIVERY, cpuNanos / 1000.0 / delivered);
        figures.put(Metric.DELIVERIES_PER_SECOND, delivered / (outcome.elapsedNanos() / 1e9));
        figures.put(Metric.P50, (double) outcome.latencyMicros().getValueAtPercentile(50));
        figures.put(Metric.P99, (double) outcome.latencyMicros().getValueAtPercentile(99));
        figures.put(Metric.P999, (double) outcome.latencyMicros().getValueAtPercentile(99.9));
        figures.put(Metric.GC_MILLIS, (double) gcMillis);
        return figures;
    }

    /** Runs one measured batch, reading the server's CPU and collections around it. */
    public Measured measure(Supplier<Deliveries.Outcome> run) {
        ServerStats statsBefore = server.stats(false);
        ProcessMetrics before = server.process();
        Deliveries.Outcome outcome = run.get();
        ProcessMetrics after = server.process();
        ServerStats statsAfter = server.stats(false);
        return new Measured(outcome, after.cpuNanosSince(before), statsAfter.gcMillis() - statsBefore.gcMillis(), after);
    }

    /**
     * Records a delivery run's figures, or a failure if anything was lost or duplicated. Round 0 is
     * the warm-up (the JIT, the pools, the first collections): checked, never recorded.
     */
    public void record(String scenario, String variant, String mode, int round, Measured measured) {
        if (measured.outcome().exact()) {
            if (round > 0) {
                results.add(server.name(), scenario, variant, mode, round, measured.deliveryFigures());
            }
        } else {
            fail(scenario, variant, mode, round, measured.outcome().describe());
        }
    }

    public void record(String scenario, String variant, String mode, int round, Map<Metric, Double> figures) {
        results.add(server.name(), scenario, variant, mode, round, figures);
    }

    public void fail(String scenario, String variant, String mode, int round, String what) {
        Progress.say("FAILED %s %s round %d: %s", variant, mode, round, what);
        results.fail(server.name(), scenario, variant, mode, round, what);
    }
}
