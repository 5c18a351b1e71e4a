package io.hauyna.tck.ops;

import io.hauyna.jakarta.testing.StalledClient;
import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.tck.TckArchive;
import io.hauyna.tck.TckProtocolEndpoint;
import io.hauyna.tck.TckUris;
import io.hauyna.tck.connections.CommandEndpoint;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.ClassLoaderAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping an application with open connections (README "Graceful shutdown"): the messages
 * queued for a reading client all arrive, a client that stopped reading holds the stop up for the
 * drain timeout only, and every client is closed with 1001 by Hauyna, not by the container. While
 * an operator's drain runs, new upgrades get Hauyna's 503 with {@code Retry-After} and readiness is
 * DOWN; while an undeploy runs, the server itself no longer routes requests to the application.
 */
@ExtendWith(ArquillianExtension.class)
class ShutdownIT {

    private static final String STOPPING = "tck-shutdown";
    private static final String ANCHOR = "tck-shutdown-anchor";
    private static final int PAYLOAD = 16 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Deployed and stopped by each test; its queues may hold 64 MiB so that the stalled client is not closed as a slow consumer first. */
    @Deployment(name = STOPPING, managed = false, testable = false)
    static WebArchive stopping() {
        // The servlet is added as bytes: the servlet API is on the server's class path, not on this test's.
        String servlet = "io/hauyna/tck/ops/DrainServlet.class";
        return TckArchive.war(STOPPING, Map.of("hauyna.shutdown.drain-timeout-ms", "3000",
                        "hauyna.outbound.max-bytes", Integer.toString(64 * 1024 * 1024), "hauyna.outbound.max-messages", "100000"),
                CommandEndpoint.class).add(new ClassLoaderAsset(servlet), "WEB-INF/classes/" + servlet);
    }

    /** Deployed throughout: tells where the server is (the stopping one's URL cannot be injected before it is deployed). */
    @Deployment(name = ANCHOR, testable = false)
    static WebArchive anchor() {
        return TckArchive.war(ANCHOR, TckProtocolEndpoint.class);
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment(ANCHOR)
    URL anchor;

    private StalledClient stalled;
    private TestClient reader;
    private boolean deployed;

    @AfterEach
    void undeployIfStillThere() {
        if (stalled != null) {
            stalled.abort();
        }
        if (deployed) {
            deployer.undeploy(STOPPING);
        }
    }

    /** Deploys the stopping WAR, connects a reader and a stalled client to group "feed", and leaves the stalled one's queue full. */
    private URL deployWithAStalledAndABusyReader() {
        deployer.deploy(STOPPING);
        deployed = true;
        URL base = url("/" + STOPPING + "/");
        stalled = StalledClient.connect(TckUris.ws(base, "/commands/lobby?user_id=stalled"), 1);
        await().until(() -> stalled.received().size() == 1);
        stalled.send("join feed");
        reader = TestClient.connect(TckUris.ws(base, "/commands/lobby?user_id=reader"));
        assertThat(reader.next()).contains("\"welcome\"");
        reader.send("join feed");
        assertThat(reader.next()).isEqualTo("joined true");
        // 16 MiB: more than the kernel buffers toward the stalled client take, so its queue cannot drain.
        for (int batch = 0; batch < 20; batch++) {
            reader.send("flood feed 50 " + PAYLOAD);
            for (int i = 0; i < 50; i++) {
                assertThat(reader.next()).hasSize(PAYLOAD);
            }
            assertThat(reader.next()).isEqualTo("flooded 100");
        }
        // One more batch, not read before the stop begins: it must arrive whole before the close.
        reader.send("flood feed 50 " + PAYLOAD);
        return base;
    }

    private void assertTheLastBatchArrivedThenHauynaClosedWith1001() {
        for (int i = 0; i < 50; i++) {
            assertThat(reader.next()).as("message %d of the last batch", i).hasSize(PAYLOAD);
        }
        assertThat(reader.next()).isEqualTo("flooded 100");
        CloseReason closed = reader.awaitClose();
        assertThat(closed.getCloseCode().getCode()).isEqualTo(1001);
        assertThat(closed.getReasonPhrase()).as("Hauyna's close, not the container's").isEqualTo("Server shutting down");
    }

    @Test
    void anUndeployDrainsThenHauynaClosesEveryClientWith1001() throws Exception {
        URL base = deployWithAStalledAndABusyReader();

        long start = System.nanoTime();
        deployer.undeploy(STOPPING);
        deployed = false;
        Duration undeploy = Duration.ofNanos(System.nanoTime() - start);

        assertTheLastBatchArrivedThenHauynaClosedWith1001();
        assertThat(undeploy).as("the stalled client's queue held the undeploy up for the drain timeout")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        int after = check(base).statusCode();
        assertThat(after).as("no upgrade after the undeploy").isEqualTo(404);
        System.out.println("ShutdownIT on " + System.getProperty("tck.server") + ": the undeploy took " + undeploy.toMillis() + " ms");
    }

    @Test
    void anOperatorsDrainAnswersNewcomersWith503AndReadinessDownThenClosesEveryClientWith1001() throws Exception {
        URL base = deployWithAStalledAndABusyReader();
        assertThat(check(base).statusCode()).isEqualTo(204);

        CompletableFuture<HttpResponse<Void>> draining = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + "drain"))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> refused = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> check(base), response -> response.statusCode() != 204);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("3");
        Optional<String> health = HealthEndpoints.base(base);
        if (health.isPresent()) {
            HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(health.get() + "/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            JsonObject check = HealthEndpoints.hauynaCheck(ready.body(), STOPPING).orElseThrow();
            assertThat(check.getString("status")).as(ready.body()).isEqualTo("DOWN");
            assertThat(check.getJsonObject("data").get("draining").toString().replace("\"", "")).isEqualTo("true");
        }
        assertThat(draining.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(204);

        assertTheLastBatchArrivedThenHauynaClosedWith1001();
    }

    private URL url(String path) {
        try {
            return new URL(anchor.getProtocol(), anchor.getHost(), anchor.getPort(), path);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    /** The handshake check (docs/PROTOCOL.md): the status an upgrade would get, without upgrading. */
    private static HttpResponse<Void> check(URL base) throws Exception {
        URI uri = URI.create(TckUris.ws(base, "/commands/lobby?user_id=newcomer").toString().replaceFirst("^ws", "http"));
        return HTTP.send(HttpRequest.newBuilder(uri).header("X-Hauyna-Handshake-Check", "1").timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
