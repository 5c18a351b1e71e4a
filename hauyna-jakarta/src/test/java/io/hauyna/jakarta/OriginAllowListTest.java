package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An explicit allow-list replaces the same-origin default; requiring Origin refuses clients without one. */
class OriginAllowListTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.ORIGINS_ALLOWED, "https://app.example.com, https://Admin.Example.com:443/")
            .with(HauynaConfigKeys.ORIGINS_REQUIRE, "true");

    private String outcome(Map<String, String> headers) {
        try (TestClient client = TestClient.connect(server.uri("/protocol?user_id=someone"), headers)) {
            client.send("{\"type\":\"ping\",\"ref\":1}");
            String first = client.next();
            return first.startsWith("{\"type\":\"pong\"") ? "open" : first;
        } catch (AssertionError closed) {
            return "closed";
        }
    }

    private String closeReason(Map<String, String> headers) {
        try (TestClient client = TestClient.connect(server.uri("/protocol?user_id=someone"), headers)) {
            return client.awaitClose().getReasonPhrase();
        }
    }

    @Test
    void listedOriginsConnectInAnyCaseAndWithTheirDefaultPort() {
        assertThat(outcome(Map.of("Origin", "https://app.example.com"))).isEqualTo("open");
        assertThat(outcome(Map.of("Origin", "https://admin.example.com"))).isEqualTo("open");
    }

    @Test
    void theServersOwnOriginIsNoLongerEnoughAndAMissingOriginIsRefused() {
        assertThat(closeReason(Map.of("Origin", "http://localhost:" + server.uri("/").getPort())))
                .isEqualTo("Cross-origin WebSocket upgrade refused");
        assertThat(closeReason(Map.of("Origin", "http://app.example.com"))).isEqualTo("Cross-origin WebSocket upgrade refused");
        assertThat(closeReason(Map.of("Origin", ""))).startsWith("An Origin header is required");
    }
}
