package io.hauyna.jakarta.internal.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.CDI;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Decides, before bean discovery, which optional integrations this application gets: one whose
 * API class loads from the application's class loader has its classes added as application
 * scoped beans, by name, so that nothing here refers to an API that may be missing.
 */
public final class OptionalIntegrations {

    private static final Logger LOG = Logger.getLogger(OptionalIntegrations.class.getName());
    private static final String PACKAGE = OptionalIntegrations.class.getPackageName();

    private enum Integration {
        HEALTH("MicroProfile Health", "org.eclipse.microprofile.health.HealthCheck",
                "health.HauynaLivenessCheck", "health.HauynaReadinessCheck", "health.HauynaStartupCheck"),
        MICROPROFILE_METRICS("MicroProfile Metrics", "org.eclipse.microprofile.metrics.MetricRegistry",
                "mpmetrics.MpMetricsExporter"),
        OPENTELEMETRY_METRICS("OpenTelemetry metrics", "io.opentelemetry.api.metrics.Meter",
                "otel.OtelMetricsExporter");

        final String title;
        final String apiClass;
        final List<String> classes;

        Integration(String title, String apiClass, String... classes) {
            this.title = title;
            this.apiClass = apiClass;
            this.classes = List.of(classes);
        }
    }

    private OptionalIntegrations() {
    }

    /** Adds the integrations whose API the application sees, and logs which (one line). */
    public static void addPresent(BeforeBeanDiscovery discovery) {
        ClassLoader loader = OptionalIntegrations.class.getClassLoader();
        List<String> added = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (Integration integration : Integration.values()) {
            if (!loads(integration.apiClass, loader)) {
                absent.add(integration.title);
                continue;
            }
            for (String name : integration.classes) {
                Class<?> type = load(PACKAGE + "." + name, loader);
                discovery.addAnnotatedType(type, "hauyna-" + name).add(ApplicationScoped.Literal.INSTANCE);
            }
            added.add(integration.title);
        }
        LOG.info(() -> "Hauyna: APIs found for " + (added.isEmpty() ? "no optional integration" : String.join(", ", added))
                + (absent.isEmpty() ? "" : "; not on this server: " + String.join(", ", absent)));
    }

    /**
     * Looks one of Hauyna's beans up for an integration class. Those classes do not inject them:
     * Payara 6 puts types added before discovery into an archive of their own, from which the
     * jar's beans cannot be injected ("unsatisfied dependency"); a lookup through the
     * application's container finds them on every server.
     */
    public static <T> T bean(Class<T> type) {
        return CDI.current().select(type).get();
    }

    private static boolean loads(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Hauyna's jar is incomplete: " + name + " is missing", e);
        }
    }
}
