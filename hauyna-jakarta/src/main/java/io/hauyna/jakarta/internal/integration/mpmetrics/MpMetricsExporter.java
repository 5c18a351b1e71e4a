package io.hauyna.jakarta.internal.integration.mpmetrics;

import io.hauyna.jakarta.StatsSnapshot;
import io.hauyna.jakarta.internal.HauynaScheduler;
import io.hauyna.jakarta.internal.ops.ApplicationStarted;
import io.hauyna.jakarta.internal.ops.ExportedMetric;
import io.hauyna.jakarta.internal.ops.StatsCollector;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import io.hauyna.jakarta.internal.integration.OptionalIntegrations;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Registers every {@link ExportedMetric} in the application's MicroProfile Metrics registry,
 * tagged with the application, and removes them when the application stops (the registry may
 * outlive it). Gauges read a recent snapshot when scraped. MicroProfile Metrics counters can only
 * be incremented, so once a second the counters catch up with Hauyna's own: the hot paths never
 * call into the metrics library.
 */
public class MpMetricsExporter {

    private static final Logger LOG = Logger.getLogger(MpMetricsExporter.class.getName());
    private static final Duration CATCH_UP = Duration.ofSeconds(1);

    /**
     * Injected, not looked up: Payara's producer reads the injection point, which a lookup
     * through {@code CDI.current()} does not have.
     */
    @Inject
    Instance<MetricRegistry> registries;

    private StatsCollector stats;
    private MetricRegistry registry;
    private Tag application;
    private Future<?> catchingUp;
    private final List<MetricID> registered = new ArrayList<>();
    /** What each counter has been told so far. */
    private final Map<MetricID, Long> exported = new ConcurrentHashMap<>();

    synchronized void start(@Observes ApplicationStarted started) {
        try {
            register(started);
        } catch (RuntimeException e) {
            // An optional integration must not fail the application: e.g. a registry that already holds a clashing metric.
            LOG.log(Level.WARNING, "Hauyna: could not export its metrics to MicroProfile Metrics; the application runs without them", e);
        }
    }

    private void register(ApplicationStarted started) {
        if (!registries.isResolvable()) {
            LOG.info("Hauyna: the MicroProfile Metrics API is here but no MetricRegistry bean is; not exporting to it");
            return;
        }
        registry = registries.get();
        stats = OptionalIntegrations.bean(StatsCollector.class);
        application = new Tag(ExportedMetric.APPLICATION_TAG, started.application());
        for (ExportedMetric metric : ExportedMetric.ALL) {
            if (!metric.counter()) {
                MetricID id = new MetricID(metric.name(), application);
                registry.gauge(metadata(metric), () -> metric.values().apply(stats.recent()).getOrDefault("", 0L), application);
                registered.add(id);
            }
        }
        catchUp();
        catchingUp = OptionalIntegrations.bean(HauynaScheduler.class).scheduleRepeatedly(this::catchUp, CATCH_UP);
        LOG.info(() -> "Hauyna: " + ExportedMetric.ALL.size() + " metrics in MicroProfile Metrics (application registry, tag "
                + application + ")");
    }

    private synchronized void catchUp() {
        if (registry == null) {
            return;
        }
        // A fresh snapshot, not the cached one: refreshing that cache every second would make every
        // other reader (MXBean, health) see figures up to a second old even when it is the first to ask.
        StatsSnapshot now = stats.snapshot();
        for (ExportedMetric metric : ExportedMetric.ALL) {
            if (metric.counter()) {
                metric.values().apply(now).forEach((label, value) -> increase(metric, label, value));
            }
        }
    }

    private void increase(ExportedMetric metric, String label, long value) {
        Tag[] tags = metric.label() == null ? new Tag[] {application} : new Tag[] {application, new Tag(metric.label(), label)};
        MetricID id = new MetricID(metric.name(), tags);
        long before = exported.getOrDefault(id, -1L);
        if (before < 0) {
            registered.add(id);
            before = 0;
        }
        if (value > before) {
            registry.counter(metadata(metric), tags).inc(value - before);
        }
        exported.put(id, value);
    }

    private static Metadata metadata(ExportedMetric metric) {
        return Metadata.builder().withName(metric.name()).withDescription(metric.description()).withUnit(unit(metric.unit())).build();
    }

    /** MicroProfile Metrics knows bytes and nanoseconds; counts of things have no unit there. */
    private static String unit(String ucum) {
        return switch (ucum) {
            case "By" -> MetricUnits.BYTES;
            case ExportedMetric.SECONDS -> MetricUnits.NANOSECONDS;
            default -> MetricUnits.NONE;
        };
    }

    @PreDestroy
    synchronized void stop() {
        if (catchingUp != null) {
            catchingUp.cancel(false);
        }
        if (registry != null) {
            for (MetricID id : registered) {
                try {
                    registry.remove(id);
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Could not remove " + id, e);
                }
            }
            registry = null;
        }
    }
}
