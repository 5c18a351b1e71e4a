package io.hauyna.jakarta;

import io.hauyna.jakarta.internal.ops.ExportedMetric;
import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import jakarta.enterprise.inject.Produces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a {@link Meter} bean, as MicroProfile Telemetry 2 provides one, Hauyna's figures reach a
 * real OpenTelemetry SDK under the scope {@code io.hauyna}, read when the SDK collects.
 */
class OpenTelemetryMetricsTest {

    static final InMemoryMetricReader READER = InMemoryMetricReader.create();
    static final OpenTelemetrySdk SDK = OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(READER).build()).build();

    /** What MicroProfile Telemetry 2 contributes: an OpenTelemetry bean and a Meter bean. */
    public static class Telemetry {
        @Produces
        OpenTelemetry openTelemetry() {
            return SDK;
        }

        @Produces
        Meter meter() {
            return SDK.getMeter("runtime");
        }
    }

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .withBeans(Telemetry.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");

    @Test
    void theFiguresAreReadWhenTheSdkCollects() {
        try (TestClient ana = ProtocolEndpoint.connectAs(server, "ana");
             TestClient bob = ProtocolEndpoint.connectAs(server, "bob")) {
            ProtocolEndpoint.join(ana, "room:otel", "{}");
            ProtocolEndpoint.join(bob, "room:otel", "{}");
            server.bean(Channels.class).broadcastTo("room:otel", "hello");
            ana.next();
            bob.next();

            Map<String, MetricData> metrics = READER.collectAllMetrics().stream()
                    .collect(Collectors.toMap(MetricData::getName, metric -> metric));

            // Every instrument that has a measurement (the labelled ones have none before the first close or refusal).
            assertThat(metrics).hasSize(ExportedMetric.ALL.size() - 2)
                    .containsKeys("hauyna.connections.active", "hauyna.deliveries", "hauyna.publish.time", "hauyna.cluster.members");
            MetricData active = metrics.get("hauyna.connections.active");
            assertThat(active.getInstrumentationScopeInfo().getName()).isEqualTo("io.hauyna");
            assertThat(active.getUnit()).isEqualTo("{connection}");
            assertThat(value(active.getLongGaugeData().getPoints())).isEqualTo(2);
            assertThat(value(metrics.get("hauyna.deliveries").getLongSumData().getPoints())).isEqualTo(2);
            assertThat(metrics.get("hauyna.deliveries").getLongSumData().isMonotonic()).isTrue();
            assertThat(metrics.get("hauyna.publish.time").getUnit()).isEqualTo("s");
            LongPointData point = metrics.get("hauyna.subscriptions").getLongGaugeData().getPoints().iterator().next();
            assertThat(point.getAttributes().get(AttributeKey.stringKey("hauyna.application"))).isEqualTo("hauyna");
        }
    }

    private static long value(Collection<LongPointData> points) {
        assertThat(points).hasSize(1);
        return points.iterator().next().getValue();
    }
}
