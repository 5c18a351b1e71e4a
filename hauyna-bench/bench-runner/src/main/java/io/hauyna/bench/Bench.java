package io.hauyna.bench;

import io.hauyna.bench.load.LoadGenerator;
import io.hauyna.bench.report.Results;
import io.hauyna.bench.scenario.ClusterFanOut;
import io.hauyna.bench.scenario.Scenario;
import io.hauyna.bench.server.ClusterNodes;
import io.hauyna.bench.server.RunningServer;
import io.hauyna.bench.server.ServerLauncher;
import io.hauyna.bench.server.ServerStats;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One kind of server under test: starts it with given settings, runs scenarios on it one after the
 * other, and writes the report after each, so that a run cut short still leaves what it measured.
 * A scenario or a server that fails is recorded as a failure and the run goes on.
 */
final class Bench {

    private final ServerLauncher launcher;
    private final Path war;
    private final Path logs;
    private final LoadGenerator load;
    private final Results results;
    private final Scale scale;
    private final AtomicLong ids;
    private final Runnable report;

    Bench(ServerLauncher launcher, Path war, Path logs, LoadGenerator load, Results results, Scale scale, AtomicLong ids,
          Runnable report) {
        this.launcher = launcher;
        this.war = war;
        this.logs = logs;
        this.load = load;
        this.results = results;
        this.scale = scale;
        this.ids = ids;
        this.report = report;
    }

    void run(Map<String, String> settings, List<Scenario> scenarios) {
        Progress.context(launcher.name());
        Progress.say("starting with the bench WAR and %s", settings);
        try (RunningServer server = launcher.start(war, settings, logs)) {
            BenchContext context = new BenchContext(launcher, server, load, results, scale, ids);
            for (Scenario scenario : scenarios) {
                Progress.context(launcher.name() + " · " + scenario.id());
                runSafely(scenario, context);
                // the next scenario starts on an empty server
                ServerStats left = server.awaitStats(ServerStats::empty, Duration.ofSeconds(60));
                if (!left.empty()) {
                    Progress.say("the server still holds %s after the scenario", left);
                }
                report.run();
            }
        } catch (RuntimeException failed) {
            Progress.say("FAILED: %s", failed);
            results.fail(launcher.name(), "", "", "", 0, "server failed: " + failed.getMessage());
        }
    }

    /**
     * Runs scenario 9 on one to three nodes of this server, started for it alone with the clustered
     * WAR, and stops them; a failure is recorded and the run goes on.
     */
    void runCluster(Map<String, String> settings) {
        Progress.context(launcher.name() + " · " + ClusterFanOut.ID);
        try (ClusterNodes nodes = new ClusterNodes(launcher, war, settings, logs)) {
            new ClusterFanOut(load, results, scale, ids).run(nodes);
        } catch (RuntimeException failed) {
            Progress.say("FAILED: %s", failed);
            failed.printStackTrace(System.out);
            results.fail(launcher.name(), ClusterFanOut.ID, "", "", 0, "could not run: " + failed.getMessage());
        }
        report.run();
    }

    private void runSafely(Scenario scenario, BenchContext context) {
        try {
            scenario.run(context);
        } catch (RuntimeException failed) {
            Progress.say("FAILED: %s", failed);
            failed.printStackTrace(System.out);
            results.fail(launcher.name(), scenario.id(), "", "", 0, "could not run: " + failed.getMessage());
        }
    }
}
