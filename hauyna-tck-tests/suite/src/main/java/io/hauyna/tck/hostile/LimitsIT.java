package io.hauyna.tck.hostile;

import io.hauyna.jakarta.HauynaCloseCodes;
import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.tck.TckArchive;
import io.hauyna.tck.TckProtocolEndpoint;
import io.hauyna.tck.TckUris;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits on what a connection and the application may hold, on a real server: each refusal
 * is {@code limit_exceeded} naming the limit and its key; connections count per client address,
 * as forwarded by a trusted proxy (here every peer is trusted, so the test can play the proxy).
 */
@ExtendWith(ArquillianExtension.class)
class LimitsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TckArchive.war("tck-limits", Map.of(
                        HauynaConfigKeys.LIMITS_SUBSCRIPTIONS_PER_CONNECTION, "2",
                        HauynaConfigKeys.LIMITS_SUBSCRIPTION_METADATA_BYTES, "40",
                        HauynaConfigKeys.LIMITS_PRESENCE_STATE_BYTES, "40",
                        HauynaConfigKeys.LIMITS_CHANNELS, "3",
                        HauynaConfigKeys.LIMITS_CONNECTIONS_PER_ADDRESS, "2",
                        HauynaConfigKeys.LIMITS_TRUSTED_PROXIES, "0.0.0.0/0,::/0"),
                TckProtocolEndpoint.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void whatAConnectionAndTheApplicationHoldIsBounded() {
        try (TestClient ann = connectFrom("ann", "203.0.113.1"); TestClient ben = connectFrom("ben", "203.0.113.2")) {
            assertThat(request(ann, "{\"type\":\"subscribe_channel\",\"channel\":\"a\",\"ref\":1}")).contains("\"status\":\"ok\"");
            assertThat(request(ann, "{\"type\":\"subscribe_channel\",\"channel\":\"b\",\"ref\":2}")).contains("\"status\":\"ok\"");
            assertThat(request(ann, "{\"type\":\"subscribe_channel\",\"channel\":\"c\",\"ref\":3}")).isEqualTo(
                    "{\"type\":\"reply\",\"ref\":3,\"status\":\"error\",\"error_type\":\"limit_exceeded\",\"message\":\"This connection"
                            + " has joined 2 channels; leave one first: the limit is 2 (hauyna.limits.subscriptions-per-connection)\","
                            + "\"details\":{\"limit\":\"subscriptions-per-connection\",\"max\":2,"
                            + "\"key\":\"hauyna.limits.subscriptions-per-connection\"}}");

            assertThat(request(ben, "{\"type\":\"subscribe_channel\",\"channel\":\"c\",\"metadata\":{\"name\":\""
                    + "é".repeat(15) + "\"},\"ref\":4}")).contains("\"limit\":\"subscription-metadata-bytes\"");
            assertThat(request(ben, "{\"type\":\"subscribe_channel\",\"channel\":\"c\",\"metadata\":{\"name\":\""
                    + "x".repeat(29) + "\"},\"ref\":5}")).contains("\"status\":\"ok\"");
            assertThat(request(ben, "{\"type\":\"subscribe_channel\",\"channel\":\"d\",\"ref\":6}"))
                    .contains("\"limit\":\"channels\"", "The application holds 3 channels");

            assertThat(request(ben, "{\"type\":\"presence_update\",\"state\":{\"a\":\"" + "x".repeat(10) + "\"},\"ref\":7}"))
                    .contains("\"status\":\"ok\"");
            assertThat(request(ben, "{\"type\":\"presence_update\",\"state\":{\"b\":\"" + "y".repeat(20) + "\"},\"ref\":8}"))
                    .contains("\"limit\":\"presence-state-bytes\"", "(hauyna.limits.presence-state-bytes)");
        }
    }

    @Test
    void connectionsCountPerForwardedClientAddress() {
        try (TestClient first = connectFrom("a", "198.51.100.7"); TestClient second = connectFrom("b", "198.51.100.7");
             TestClient third = TestClient.connect(TckUris.ws(base, "/protocol?user_id=c"), Map.of("X-Forwarded-For", "198.51.100.7"));
             TestClient other = connectFrom("d", "198.51.100.8")) {
            assertThat(third.awaitClose().getCloseCode().getCode()).isEqualTo(HauynaCloseCodes.TOO_MANY_CONNECTIONS.getCode());
            assertThat(request(other, "{\"type\":\"ping\",\"ref\":\"still\"}")).isEqualTo("{\"type\":\"pong\",\"ref\":\"still\"}");
        }
    }

    private TestClient connectFrom(String user, String address) {
        TestClient client = TestClient.connect(TckUris.ws(base, "/protocol?user_id=" + user), Map.of("X-Forwarded-For", address));
        assertThat(request(client, "{\"type\":\"ping\",\"ref\":\"sync\"}")).isEqualTo("{\"type\":\"pong\",\"ref\":\"sync\"}");
        return client;
    }

    private static String request(TestClient client, String frame) {
        client.send(frame);
        return client.next();
    }
}
