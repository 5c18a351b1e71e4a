package io.hauyna.jakarta.internal.ops;

import io.hauyna.jakarta.internal.HauynaScheduler;
import io.hauyna.jakarta.internal.cluster.ClusterNode;
import io.hauyna.jakarta.internal.connection.GracefulShutdown;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the health checks report, kept apart from MicroProfile Health so that it works (and is
 * tested) without it: started once the application has its name, live while the background
 * thread keeps ticking, ready while started, not stopping and, with clustering, in the grid.
 */
@ApplicationScoped
public class HealthState {

    @Inject
    HauynaScheduler scheduler;

    @Inject
    ClusterNode cluster;

    @Inject
    StatsCollector stats;

    @Inject
    GracefulShutdown shutdown;

    private volatile String application;

    /** One check's outcome, with what an operator wants to see next to it. */
    public record Check(boolean up, Map<String, Object> data) {
    }

    public void started(String application) {
        this.application = application;
    }

    public Check startup() {
        return new Check(application != null, data());
    }

    public Check liveness() {
        Map<String, Object> data = data();
        data.put("scheduler", scheduler.isResponsive() ? "running" : "stuck");
        data.put("executor", scheduler.executorName());
        return new Check(scheduler.isResponsive(), data);
    }

    public Check readiness() {
        Map<String, Object> data = data();
        boolean inGrid = cluster.joined();
        data.put("draining", shutdown.draining());
        data.put("cluster", cluster.clustered() ? "joined" : inGrid ? "off" : "not joined");
        data.put("connections", stats.recent().activeConnections());
        return new Check(application != null && !shutdown.draining() && inGrid, data);
    }

    private Map<String, Object> data() {
        Map<String, Object> data = new TreeMap<>();
        data.put("application", application == null ? "(starting)" : application);
        return data;
    }
}
