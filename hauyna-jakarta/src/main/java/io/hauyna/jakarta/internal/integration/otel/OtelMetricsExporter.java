package io.hauyna.jakarta.internal.integration.otel;

import io.hauyna.jakarta.internal.ops.ApplicationStarted;
import io.hauyna.jakarta.internal.ops.ExportedMetric;
import io.hauyna.jakarta.internal.ops.StatsCollector;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import io.hauyna.jakarta.internal.integration.OptionalIntegrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Registers every {@link ExportedMetric} as an asynchronous OpenTelemetry instrument of the
 * instrumentation scope {@code io.hauyna}: the SDK reads Hauyna's counters when it collects, so
 * the hot paths never call into it. The instruments are closed when the application stops, as
 * a server-wide SDK would otherwise keep calling into the stopped application.
 *
 * <p>Active only with MicroProfile Telemetry 2 (a {@link Meter} bean): an OpenTelemetry API on
 * the class path without it (Payara 6) exports nothing. Telemetry itself is off until the
 * application or server sets {@code otel.sdk.disabled=false}; until then the instruments are no-ops.
 */
public class OtelMetricsExporter {

    private static final Logger LOG = Logger.getLogger(OtelMetricsExporter.class.getName());

    /** Injected, like every server-provided bean here: see {@code MpMetricsExporter}. */
    @Inject
    Instance<Meter> meters;

    @Inject
    Instance<OpenTelemetry> telemetries;

    private StatsCollector stats;

    private final List<AutoCloseable> instruments = new ArrayList<>();

    synchronized void start(@Observes ApplicationStarted started) {
        try {
            register(started);
        } catch (RuntimeException e) {
            // An optional integration must not fail the application: e.g. a registry that already holds a clashing metric.
            LOG.log(Level.WARNING, "Hauyna: could not export its metrics to OpenTelemetry; the application runs without them", e);
        }
    }

    private void register(ApplicationStarted started) {
        if (!meters.isResolvable()) {
            LOG.info("Hauyna: the OpenTelemetry API is here but no Meter bean (MicroProfile Telemetry 2) is; not exporting to it");
            return;
        }
        stats = OptionalIntegrations.bean(StatsCollector.class);
        // The library's own scope where the runtime lets us name it; the runtime's Meter otherwise.
        Meter meter = telemetries.isResolvable() ? telemetries.get().meterBuilder("io.hauyna").build() : meters.get();
        Attributes application = Attributes.of(AttributeKey.stringKey(ExportedMetric.APPLICATION_ATTRIBUTE), started.application());
        for (ExportedMetric metric : ExportedMetric.ALL) {
            instruments.add(instrument(meter, metric, application));
        }
        LOG.info(() -> "Hauyna: " + instruments.size() + " OpenTelemetry metrics (scope io.hauyna, attribute "
                + ExportedMetric.APPLICATION_ATTRIBUTE + "=" + started.application() + ")");
    }

    private AutoCloseable instrument(Meter meter, ExportedMetric metric, Attributes application) {
        if (ExportedMetric.SECONDS.equals(metric.unit())) {
            return meter.counterBuilder(metric.name()).ofDoubles().setDescription(metric.description()).setUnit(metric.unit())
                    .buildWithCallback(measurement -> recordSeconds(measurement, metric, application));
        }
        if (metric.counter()) {
            return meter.counterBuilder(metric.name()).setDescription(metric.description()).setUnit(metric.unit())
                    .buildWithCallback(measurement -> record(measurement, metric, application));
        }
        return meter.gaugeBuilder(metric.name()).ofLongs().setDescription(metric.description()).setUnit(metric.unit())
                .buildWithCallback(measurement -> record(measurement, metric, application));
    }

    private void record(ObservableLongMeasurement measurement, ExportedMetric metric, Attributes application) {
        values(metric).forEach((label, value) -> measurement.record(value, attributes(metric, label, application)));
    }

    private void recordSeconds(ObservableDoubleMeasurement measurement, ExportedMetric metric, Attributes application) {
        values(metric).forEach((label, nanos) -> measurement.record(nanos / 1e9, attributes(metric, label, application)));
    }

    private Map<String, Long> values(ExportedMetric metric) {
        return metric.values().apply(stats.recent());
    }

    private static Attributes attributes(ExportedMetric metric, String label, Attributes application) {
        return metric.attribute() == null ? application
                : application.toBuilder().put(AttributeKey.stringKey(metric.attribute()), label).build();
    }

    @PreDestroy
    synchronized void stop() {
        for (AutoCloseable instrument : instruments) {
            try {
                instrument.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Could not close an OpenTelemetry instrument", e);
            }
        }
        instruments.clear();
    }
}
