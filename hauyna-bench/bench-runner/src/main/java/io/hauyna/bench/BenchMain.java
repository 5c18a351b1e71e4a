package io.hauyna.bench;

import io.hauyna.bench.load.LoadGenerator;
import io.hauyna.bench.report.ReportWriter;
import io.hauyna.bench.report.Results;
import io.hauyna.bench.report.TableSpec;
import io.hauyna.bench.scenario.Churn;
import io.hauyna.bench.scenario.ClusterFanOut;
import io.hauyna.bench.scenario.DirectMessages;
import io.hauyna.bench.scenario.FanOut;
import io.hauyna.bench.scenario.Heartbeat;
import io.hauyna.bench.scenario.HistoryMemory;
import io.hauyna.bench.scenario.IdleMemory;
import io.hauyna.bench.scenario.ManyChannels;
import io.hauyna.bench.scenario.PresenceBurst;
import io.hauyna.bench.scenario.Scenario;
import io.hauyna.bench.scenario.ServerStop;
import io.hauyna.bench.scenario.SlowConsumers;
import io.hauyna.bench.server.ServerChoice;
import io.hauyna.bench.server.ServerLauncher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Runs the benchmark: for each selected server, starts it in its own process with the bench WAR,
 * runs every selected scenario from this JVM (the load generator), and writes the report.
 *
 * <p>System properties: {@code bench.war}, the server locations set by the Maven profiles,
 * {@code bench.out} (report folder), {@code bench.scenarios} ({@code all} or a comma-separated list
 * of scenario ids), {@code bench.smoke=true} for the small counts of {@link Scale#smoke()},
 * {@code bench.cluster.libs} (the folder with the jars that make the WAR clustered, {@link
 * io.hauyna.bench.server.ClusterWar}). Scenario 9 ({@link ClusterFanOut}) runs after the others, on
 * every selected server that can run as a cluster node here.
 */
public final class BenchMain {

    /** Hauyna's settings on the server under test; every other setting is Hauyna's default. */
    static final Map<String, String> SERVER_SETTINGS = Map.of(
            // the load generator names its connections with ?u= (development-only identity)
            "hauyna.identity.query-parameter", "u",
            // thousands of connections from one host, from the same few addresses
            "hauyna.limits.connections-per-identifier", "0",
            "hauyna.limits.connections-per-address", "0",
            // publishers send far faster than a person
            "hauyna.rate-limit.per-second", "0",
            "hauyna.presence.channels", "presence:",
            // scenario 1's history mode and scenario 11: channels hist:* keep 100 messages (the default)
            "hauyna.history.channels", "hist:");

    private BenchMain() {
    }

    public static void main(String[] args) {
        Results results = run(Boolean.getBoolean("bench.smoke") ? Scale.smoke() : Scale.full(),
                Path.of(System.getProperty("bench.war")), Path.of(System.getProperty("bench.out", "target/bench")),
                System.getProperty("bench.scenarios", "all"));
        if (!results.failures().isEmpty()) {
            System.err.println(results.failures().size() + " runs lost or duplicated messages or failed: see the report");
            System.exit(1);
        }
    }

    /**
     * Hauyna's settings for the server: {@link #SERVER_SETTINGS}, plus the comma-separated
     * {@code key=value} pairs of the {@code bench.server} system property, e.g.
     * {@code -Dbench.server=hauyna.outbound.tyrus-raw-frames=false} to measure without a setting.
     */
    static Map<String, String> serverSettings() {
        Map<String, String> settings = new LinkedHashMap<>(SERVER_SETTINGS);
        for (String pair : System.getProperty("bench.server", "").split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                settings.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            } else if (!pair.isBlank()) {
                throw new IllegalArgumentException("bench.server takes key=value pairs separated by commas, not '" + pair + "'");
            }
        }
        return settings;
    }

    /** Runs the scenarios on every selected server and writes the report into {@code out}. */
    public static Results run(Scale scale, Path war, Path out, String scenarioSelection) {
        Instant began = Instant.now();
        Map<String, String> settings = serverSettings();
        List<ServerLauncher> servers = ServerChoice.selected();
        Set<String> selected = Arrays.stream(scenarioSelection.split(",")).map(String::trim).collect(Collectors.toSet());
        List<Scenario> scenarios = new ArrayList<>(List.of(new FanOut(), new ManyChannels(), new DirectMessages(),
                new PresenceBurst(), new IdleMemory(), new Heartbeat(), new SlowConsumers(), new Churn(), new HistoryMemory()));
        scenarios.removeIf(s -> !selected.contains("all") && !selected.contains(s.id()));
        boolean cluster = selected.contains("all") || selected.contains(ClusterFanOut.ID);
        boolean stop = selected.contains("all") || selected.contains(ServerStop.ID);
        Results results = new Results();
        AtomicLong ids = new AtomicLong(1);
        Path logs = Path.of(System.getProperty("bench.logs", "target/bench-logs"));
        List<TableSpec> tables = new ArrayList<>(scenarios.stream().map(Scenario::table).toList());
        if (cluster) {
            tables.add(ClusterFanOut.table());
        }
        if (stop) {
            tables.add(ServerStop.table());
        }
        Runnable report = () -> new ReportWriter(results, tables).write(out, preamble(scale, servers, settings, began));
        // no pings and no silence timeout, except on scenario 7's own endpoint: a sweep of 10,000 pings
        // costs about as much as 10,000 deliveries and would land in whichever run it overlapped, and
        // subscribers that only listen would otherwise be closed after 60 s
        Map<String, String> quiet = with(with(settings, "hauyna.heartbeat.interval", "0"), "hauyna.heartbeat.timeout", "0");
        try (LoadGenerator load = new LoadGenerator()) {
            for (ServerLauncher launcher : servers) {
                Bench bench = new Bench(launcher, war, logs, load, results, scale, ids, report);
                if (!scenarios.isEmpty()) {
                    bench.run(quiet, scenarios);
                }
                if (cluster && launcher.clusters()) {
                    bench.runCluster(quiet);
                } else if (cluster) {
                    Progress.say("%s: no cluster launcher in the benchmark, scenario 9 skipped", launcher.name());
                }
                if (stop) {
                    new ServerStop(load, results, scale.stopSubscribers()).run(launcher, war, quiet, logs);
                    report.run();
                }
            }
        } finally {
            report.run();
        }
        Progress.context("");
        Duration took = Duration.between(began, Instant.now());
        Progress.say("report written to %s (%d failures) in %d min %d s", out.toAbsolutePath(), results.failures().size(),
                took.toMinutes(), took.toSecondsPart());
        return results;
    }

    private static List<String> preamble(Scale scale, List<ServerLauncher> servers, Map<String, String> settings, Instant began) {
        Duration took = Duration.between(began, Instant.now());
        return List.of(
                "- Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                        + System.getProperty("os.version") + ", load generator on Java " + System.getProperty("java.version")
                        + " in its own JVM, servers with a fixed 2 GiB heap",
                "- Servers: " + servers.stream().map(ServerLauncher::name).collect(Collectors.joining(", ")),
                "- Hauyna settings on the servers: " + settings + ", hauyna.heartbeat.interval=0 and hauyna.heartbeat.timeout=0"
                        + " (scenario 7's endpoint with the heartbeat has @Heartbeat(interval = 30, timeout = 60), the defaults)",
                "- Scale: " + scale,
                "- Scenario 9: 1 to 3 nodes of the same server on loopback, each its own process with the same heap, the bench WAR"
                        + " and hauyna-hazelcast; Payara Micro's nodes form one Payara data grid whose member Hauyna uses,"
                        + " the others run an embedded Hazelcast member each (hauyna.cluster.mode=embedded)",
                "- Started " + began + ", took " + took.toMinutes() + " min " + took.toSecondsPart() + " s");
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(settings);
        changed.put(key, value);
        return changed;
    }

}
