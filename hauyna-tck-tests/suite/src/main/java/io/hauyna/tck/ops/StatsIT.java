package io.hauyna.tck.ops;

import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.testing.HandshakeProbe;
import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.tck.TckArchive;
import io.hauyna.tck.TckProtocolEndpoint;
import io.hauyna.tck.TckUris;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.util.List;
import java.util.Map;

import static io.hauyna.tck.TckProtocolClients.connect;
import static io.hauyna.jakarta.testing.ProtocolEndpoint.join;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics an operator reads ({@code HauynaStats} and the MXBean) follow what clients do,
 * and the MXBean of an application leaves the server with it: every test class before this one
 * deployed and undeployed its own WAR into the same server.
 */
@ExtendWith(ArquillianExtension.class)
class StatsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TckArchive.war("tck-stats", Map.of(HauynaConfigKeys.IDENTITY_ALLOW_ANONYMOUS, "false"),
                TckProtocolEndpoint.class, StatsProbe.class);
    }

    @ArquillianResource
    URL base;

    private static JsonObject stats(TestClient client) {
        client.send("{\"type\":\"event\",\"event\":\"stats\",\"ref\":\"s\"}");
        JsonObject reply = Json.createReader(new StringReader(client.next())).readObject();
        assertThat(reply.getString("status")).isEqualTo("ok");
        return reply.getJsonObject("data");
    }

    @Test
    void theFiguresFollowTheClientsAndTheMXBeanIsOnlyThisApplications() {
        int refused = HandshakeProbe.upgrade(TckUris.ws(base, "/protocol"), Map.of(), List.of()).status();
        assertThat(refused).isEqualTo(401);
        try (TestClient alice = connect(base, "alice", ""); TestClient bob = connect(base, "bob", "")) {
            join(alice, "room:ops", "{}");
            join(bob, "room:ops", "{}");
            alice.send("{\"type\":\"channel_message\",\"channel\":\"room:ops\",\"message\":\"hi\",\"ref\":1}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":1,\"status\":\"ok\"}");
            assertThat(bob.next()).contains("\"message\":\"hi\"");

            JsonObject figures = stats(alice);

            assertThat(figures.getInt("activeConnections")).isEqualTo(2);
            assertThat(figures.getInt("connectionsOpened")).isEqualTo(2);
            assertThat(figures.getInt("channels")).isEqualTo(1);
            assertThat(figures.getInt("subscriptions")).isEqualTo(2);
            assertThat(figures.getInt("deliveries")).isEqualTo(1);
            assertThat(figures.getInt("publishCount")).isEqualTo(1);
            // alice: ping, join, publish, this request; bob: ping, join
            assertThat(figures.getInt("framesReceived")).isEqualTo(6);
            assertThat(figures.getJsonObject("handshakeRefusalsByStatus").toString()).isEqualTo("{\"401\":1}");
            // Background work runs on the container's ManagedScheduledExecutorService where the server has Concurrency.
            String executor = System.getProperty("tck.ops.executor", "container");
            assertThat(figures.getJsonObject("jmx").toString()).isEqualTo(
                    "{\"io.hauyna:type=Hauyna,app=\\\"tck-stats\\\"\":{\"ActiveConnections\":2,\"BackgroundExecutor\":\"" + executor
                            + "\",\"Channels\":1}}");
        }
    }
}
