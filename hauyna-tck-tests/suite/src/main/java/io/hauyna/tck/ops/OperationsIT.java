package io.hauyna.tck.ops;

import io.hauyna.jakarta.testing.HandshakeProbe;
import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.tck.TckArchive;
import io.hauyna.tck.TckProtocolEndpoint;
import io.hauyna.tck.TckUris;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static io.hauyna.tck.TckProtocolClients.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hauyna's health checks and metrics where the server offers MicroProfile Health and Metrics, and
 * no trace of them where it does not. The server module says what it offers:
 * {@code tck.ops.health} is {@code none}, {@code http} (on the application's HTTP port) or the
 * base URL of the endpoint; {@code tck.ops.metrics} is {@code none} or {@code mp}
 * ({@code /metrics} on the HTTP port).
 */
@ExtendWith(ArquillianExtension.class)
class OperationsIT {

    private static final String APPLICATION = "tck-operations";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TckArchive.war(APPLICATION, TckProtocolEndpoint.class);
    }

    @ArquillianResource
    URL base;

    private String server(String path) {
        return "http://localhost:" + base.getPort() + path;
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theHealthChecksReportThisApplicationWhereTheServerHasMicroProfileHealth() throws Exception {
        Optional<String> health = HealthEndpoints.base(base);
        if (health.isEmpty()) {
            assertThat(get(server("/health/ready")).statusCode()).as("no health endpoint on this configuration").isEqualTo(404);
            return;
        }
        try (TestClient alice = connect(base, "alice", "")) {
            for (String kind : new String[] {"live", "ready", "started"}) {
                HttpResponse<String> response = get(health.get() + "/health/" + kind);
                // What an operator's curl would see (in the failsafe report's -output.txt)
                System.out.println("GET " + health.get() + "/health/" + kind + " on " + System.getProperty("tck.server") + " -> "
                        + response.statusCode() + " " + response.body());
                JsonObject check = HealthEndpoints.hauynaCheck(response.body(), APPLICATION)
                        .orElseThrow(() -> new AssertionError("no check of " + APPLICATION + " in /health/" + kind + ": " + response.body()));
                assertThat(check.getString("status")).as(kind).isEqualTo("UP");
            }
            JsonObject ready = HealthEndpoints.hauynaCheck(get(health.get() + "/health/ready").body(), APPLICATION).orElseThrow();
            assertThat(ready.getJsonObject("data").getString("cluster")).isEqualTo("off");
            // Payara 7 writes every datum as a string, the others keep numbers.
            assertThat(ready.getJsonObject("data").get("connections").toString().replace("\"", "")).isEqualTo("1");
        }
    }

    @Test
    void theMetricsEndpointShowsHauynasFiguresWhereTheServerHasMicroProfileMetrics() throws Exception {
        if (System.getProperty("tck.ops.metrics", "none").equals("none")) {
            assertThat(get(server("/metrics")).statusCode()).as("no metrics endpoint on this configuration").isEqualTo(404);
            return;
        }
        try (TestClient alice = connect(base, "alice", ""); TestClient bob = connect(base, "bob", "")) {
            // Counters catch up with Hauyna's own once a second; gauges are read when scraped.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String metrics = get(server("/metrics?scope=application")).body();
                assertThat(value(metrics, "hauyna_connections_active")).as(metrics).isEqualTo(2);
                assertThat(value(metrics, "hauyna_connections_opened_total")).as(metrics).isGreaterThanOrEqualTo(2);
                assertThat(value(metrics, "hauyna_frames_received_total")).as(metrics).isGreaterThanOrEqualTo(2);
            });
            System.out.println("GET /metrics?scope=application on " + System.getProperty("tck.server") + ", Hauyna's lines:");
            get(server("/metrics?scope=application")).body().lines().filter(line -> line.contains("hauyna")).forEach(System.out::println);
        }
    }

    @Test
    void theConsoleIsOffUnlessSwitchedOn() throws Exception {
        String console = "http://localhost:" + base.getPort() + base.getPath().replaceAll("/+$", "") + "/hauyna/console/";
        assertThat(get(console).statusCode()).as("the page").isEqualTo(404);
        assertThat(get(console + "console.js").statusCode()).as("its script, in the jar").isEqualTo(404);
        assertThat(HandshakeProbe.status(TckUris.ws(base, "/hauyna/console/live"), Map.of())).as("its feed").isEqualTo(404);
    }

    /** @return the value of this application's sample of a metric in Prometheus text, or -1 when it is absent */
    private static double value(String prometheus, String name) {
        return prometheus.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains("app=\"" + APPLICATION + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }
}
