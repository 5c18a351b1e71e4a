package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ReadyEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** At most 2 connections per identifier and 3 in all: one more is closed with 4030 before the endpoint sees it. */
class ConnectionLimitsTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ReadyEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.LIMITS_CONNECTIONS_PER_IDENTIFIER, "2")
            .with(HauynaConfigKeys.LIMITS_CONNECTIONS_TOTAL, "3");

    private final Connections connections = server.bean(Connections.class);

    @AfterEach
    void allGone() {
        await().until(() -> connections.count() == 0);
    }

    @Test
    void aThirdTabOfOneUserIsRefused() {
        try (TestClient tab1 = ReadyEndpoint.connectAs(server, "alice"); TestClient tab2 = ReadyEndpoint.connectAs(server, "alice");
             TestClient tab3 = TestClient.connect(server.uri("/ready?user_id=alice"))) {
            CloseReason reason = tab3.awaitClose();

            assertThat(reason.getCloseCode().getCode()).isEqualTo(4030);
            assertThat(reason.getReasonPhrase()).isEqualTo("Too many connections for this user (at most 2): close another tab or device");
            tab3.expectNothing(Duration.ofMillis(100));
            assertThat(connections.connectionsOf("alice")).hasSize(2);
        }
        await().until(() -> connections.count() == 0);
        try (TestClient again = ReadyEndpoint.connectAs(server, "alice")) {
            assertThat(connections.connectionsOf("alice")).as("the limit counts open connections only").hasSize(1);
        }
    }

    @Test
    void theTotalLimitRefusesTheFourthConnection() {
        try (TestClient a = ReadyEndpoint.connectAs(server, "a"); TestClient b = ReadyEndpoint.connectAs(server, "b");
             TestClient c = ReadyEndpoint.connectAs(server, "c"); TestClient d = TestClient.connect(server.uri("/ready?user_id=d"))) {
            CloseReason reason = d.awaitClose();

            assertThat(reason.getCloseCode().getCode()).isEqualTo(4030);
            assertThat(reason.getReasonPhrase()).isEqualTo("Server connection limit reached (3): try again later");
            assertThat(connections.count()).isEqualTo(3);
        }
        await().until(() -> connections.count() == 0);
        try (TestClient e = ReadyEndpoint.connectAs(server, "e")) {
            assertThat(connections.count()).as("closing frees capacity").isEqualTo(1);
        }
    }
}
