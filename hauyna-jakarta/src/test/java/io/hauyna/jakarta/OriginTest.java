package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The default origin rule: same origin as the Host header, or no Origin at all (non-browser clients). */
class OriginTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");

    private TestClient connect(String user, Map<String, String> headers) {
        return TestClient.connect(server.uri("/protocol?user_id=" + user), headers);
    }

    private String sameOrigin() {
        return "http://localhost:" + server.uri("/").getPort();
    }

    @Test
    void aPageFromTheSameOriginConnects() {
        try (TestClient client = connect("alice", Map.of("Origin", sameOrigin()))) {
            client.send("{\"type\":\"ping\",\"ref\":1}");
            assertThat(client.next()).isEqualTo("{\"type\":\"pong\",\"ref\":1}");
        }
    }

    @Test
    void aClientWithoutOriginConnects() {
        try (TestClient client = connect("bob", Map.of("Origin", ""))) {
            client.send("{\"type\":\"ping\",\"ref\":1}");
            assertThat(client.next()).isEqualTo("{\"type\":\"pong\",\"ref\":1}");
        }
    }

    @Test
    void aPageFromAnotherSiteIsRefused() {
        for (String foreign : new String[] {"https://evil.example", "http://localhost:1", "null"}) {
            try (TestClient client = connect("mallory", Map.of("Origin", foreign))) {
                CloseReason reason = client.awaitClose();

                assertThat(reason.getCloseCode()).as(foreign).isEqualTo(HauynaCloseCodes.HANDSHAKE_REFUSED);
                assertThat(reason.getReasonPhrase()).isEqualTo("Cross-origin WebSocket upgrade refused");
            }
        }
        assertThat(server.bean(Connections.class).identifiers()).doesNotContain("mallory");
    }
}
