package io.hauyna.jakarta;

import io.hauyna.jakarta.internal.connection.GracefulShutdown;
import io.hauyna.jakarta.internal.ops.HealthState;
import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ReadyEndpoint;
import io.hauyna.jakarta.testing.StalledClient;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the application's stop does to real connections: the queued messages arrive, then every
 * client is closed with 1001 (or 1012), newcomers are turned away, readiness goes DOWN, and a
 * client that does not read holds the stop up for the drain timeout only. The stop is started
 * the way the servlet listener starts it on a server; each test runs its own server, since a
 * stopped application stays stopped.
 */
class GracefulShutdownTest {

    private static HauynaServer server(String drainTimeoutMillis, String closeCode) throws Exception {
        HauynaServer server = HauynaServer.serving(ReadyEndpoint.class)
                .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
                .with(HauynaConfigKeys.SHUTDOWN_DRAIN_TIMEOUT_MS, drainTimeoutMillis)
                .with(HauynaConfigKeys.SHUTDOWN_CLOSE_CODE, closeCode);
        server.start("GracefulShutdownTest");
        return server;
    }

    @Test
    void queuedMessagesArriveThenEveryClientIsClosedWith1001AndNewcomersAreTurnedAway() throws Exception {
        HauynaServer server = server("5000", "1001");
        try (TestClient alice = ReadyEndpoint.connectAs(server, "alice"); TestClient bob = ReadyEndpoint.connectAs(server, "bob")) {
            Connections connections = server.bean(Connections.class);
            connections.addToGroup("alice", "feed");
            connections.addToGroup("bob", "feed");
            List<String> sent = IntStream.range(0, 500).mapToObj(n -> "m" + n).toList();
            sent.forEach(message -> connections.sendToGroup("feed", message));

            server.bean(GracefulShutdown.class).drainAndClose();

            for (TestClient client : List.of(alice, bob)) {
                assertThat(client.next(sent.size())).as("everything queued before the stop").isEqualTo(sent);
                CloseReason closed = client.awaitClose();
                assertThat(closed.getCloseCode().getCode()).isEqualTo(1001);
                assertThat(closed.getReasonPhrase()).isEqualTo("Server shutting down");
            }
            HealthState.Check readiness = server.bean(HealthState.class).readiness();
            assertThat(readiness.up()).isFalse();
            assertThat(readiness.data()).containsEntry("draining", true);

            // Without a servlet filter (plain Tyrus) the refusal is a close the client reconnects after; servers answer 503 (TCK).
            try (TestClient late = TestClient.connect(server.uri("/ready?user_id=carol"))) {
                assertThat(late.awaitClose().getCloseCode().getCode()).isEqualTo(1001);
            }
            // At least one: a fresh clone's CI run counted 3 here (not reproduced; see the design notes of issue 15).
            assertThat(server.bean(HauynaStats.class).snapshot().handshakeRefusalsByStatus().getOrDefault(503, 0L)).isPositive();
        } finally {
            server.stop();
        }
    }

    @Test
    void aRollingRestartClosesWith1012() throws Exception {
        HauynaServer server = server("5000", "1012");
        try (TestClient alice = ReadyEndpoint.connectAs(server, "alice")) {
            server.bean(GracefulShutdown.class).drainAndClose();
            CloseReason closed = alice.awaitClose();
            assertThat(closed.getCloseCode().getCode()).isEqualTo(1012);
            assertThat(closed.getReasonPhrase()).isEqualTo("Server restarting");
        } finally {
            server.stop();
        }
    }

    @Test
    void aClientThatDoesNotReadHoldsTheStopUpForTheDrainTimeoutOnly() throws Exception {
        HauynaServer server = server("1000", "1001");
        try (StalledClient stalled = StalledClient.connect(server.uri("/ready?user_id=stalled"), 1);
             TestClient reader = ReadyEndpoint.connectAs(server, "reader")) {
            await().until(() -> stalled.received().equals(List.of(ReadyEndpoint.READY)));
            Connections connections = server.bean(Connections.class);
            connections.addToGroup("stalled", "feed");
            connections.addToGroup("reader", "feed");
            String payload = "x".repeat(16 * 1024);
            // Until the socket and container buffers are full and messages wait in Hauyna's queue (its 1 MiB is not reached).
            Connection stalledConnection = connections.connectionsOf("stalled").get(0);
            for (int i = 0; i < 4000 && stalledConnection.queuedMessages() < 5; i++) {
                connections.sendToGroup("feed", payload);
                assertThat(reader.next()).hasSize(payload.length());
            }
            assertThat(stalledConnection.queuedMessages()).as("messages wait for the stalled client").isPositive();

            long start = System.nanoTime();
            server.bean(GracefulShutdown.class).drainAndClose();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).as("waited for the queue that could not drain, up to the timeout").isGreaterThanOrEqualTo(Duration.ofMillis(1000));
            assertThat(took).as("and not for ever").isLessThan(Duration.ofSeconds(30));
            assertThat(reader.awaitClose().getCloseCode().getCode()).isEqualTo(1001);
        } finally {
            server.stop();
        }
    }
}
