package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ReadyEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At most 2 connections from one address, whoever they claim to be: a forwarded-for header from a
 * peer that is not a trusted proxy changes nothing.
 */
class ConnectionsPerAddressTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ReadyEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.LIMITS_CONNECTIONS_PER_ADDRESS, "2");

    private final Connections connections = server.bean(Connections.class);

    @AfterEach
    void allGone() {
        await().until(() -> connections.count() == 0);
    }

    @Test
    void aThirdConnectionFromOneAddressIsRefusedWhateverItsUser() {
        try (TestClient a = ReadyEndpoint.connectAs(server, "a"); TestClient b = ReadyEndpoint.connectAs(server, "b");
             TestClient c = TestClient.connect(server.uri("/ready?user_id=c"))) {
            CloseReason reason = c.awaitClose();

            assertThat(reason.getCloseCode().getCode()).isEqualTo(HauynaCloseCodes.TOO_MANY_CONNECTIONS.getCode());
            assertThat(reason.getReasonPhrase()).isEqualTo("Too many connections from your address (at most 2): close some first");
            assertThat(connections.identifiers()).containsExactlyInAnyOrder("a", "b");
        }
        await().until(() -> connections.count() == 0);
        try (TestClient d = ReadyEndpoint.connectAs(server, "d"); TestClient e = ReadyEndpoint.connectAs(server, "e")) {
            assertThat(connections.count()).as("closed connections free their address's places").isEqualTo(2);
        }
    }

    @Test
    void forwardedHeadersFromAnUntrustedPeerAreIgnored() {
        try (TestClient a = connectForwardedFor("a", "203.0.113.1"); TestClient b = connectForwardedFor("b", "203.0.113.2");
             TestClient c = TestClient.connect(server.uri("/ready?user_id=c"),
                     Map.of("X-Forwarded-For", "203.0.113.3", "Forwarded", "for=203.0.113.3"))) {
            assertThat(c.awaitClose().getCloseCode().getCode()).isEqualTo(HauynaCloseCodes.TOO_MANY_CONNECTIONS.getCode());
        }
    }

    private static TestClient connectForwardedFor(String user, String address) {
        TestClient client = TestClient.connect(server.uri("/ready?user_id=" + user), Map.of("X-Forwarded-For", address));
        client.next();
        return client;
    }
}
