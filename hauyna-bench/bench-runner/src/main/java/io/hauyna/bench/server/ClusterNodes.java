package io.hauyna.bench.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Instances of one server forming a Hauyna cluster on loopback, each its own process with the
 * clustered bench WAR ({@link ClusterWar}). Grows by starting the next node, shrinks by stopping the
 * newest one gracefully, so that the others see it leave at once rather than time it out.
 */
public final class ClusterNodes implements AutoCloseable {

    private final ServerLauncher launcher;
    private final Path war;
    private final Map<String, String> settings;
    private final Path logs;
    private final List<RunningServer> running = new ArrayList<>();

    /** @param benchWar the single-node bench WAR, made clustered here for this server */
    public ClusterNodes(ServerLauncher launcher, Path benchWar, Map<String, String> settings, Path logs) {
        this.launcher = launcher;
        this.war = ClusterWar.of(benchWar, launcher);
        this.settings = settings;
        this.logs = logs;
    }

    /** @return the server's name, e.g. "Payara Micro 6.2025.10" */
    public String name() {
        return launcher.name();
    }

    /** @return the running nodes, node 0 first */
    public List<RunningServer> running() {
        return List.copyOf(running);
    }

    /** Starts or stops nodes, the newest first stopped, until {@code count} run. */
    public void resize(int count) {
        if (count < 1 || count > Placement.MAX_NODES) {
            throw new IllegalArgumentException("A cluster of " + count + " nodes: the benchmark runs 1 to " + Placement.MAX_NODES);
        }
        while (running.size() < count) {
            running.add(launcher.start(war, settings, logs, Placement.node(running.size())));
        }
        while (running.size() > count) {
            running.remove(running.size() - 1).stop();
        }
    }

    @Override
    public void close() {
        while (!running.isEmpty()) {
            running.remove(running.size() - 1).close();
        }
    }
}
