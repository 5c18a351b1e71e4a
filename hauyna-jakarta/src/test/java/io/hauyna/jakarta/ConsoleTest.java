package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HandshakeProbe;
import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live console's feed over real sockets: what it shows, that it keeps only the recent past,
 * and who may open it. Anonymous connections are refused here, to show that the console's own
 * rule (this machine, or a role) replaces the application's identification.
 */
class ConsoleTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .with(HauynaConfigKeys.CONSOLE_ENABLED, "true")
            .with(HauynaConfigKeys.IDENTITY_ALLOW_ANONYMOUS, "false")
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");

    private final Connections connections = server.bean(Connections.class);

    @AfterEach
    void allGone() {
        await().until(() -> connections.count() == 0);
    }

    @Test
    void theFeedShowsChannelsQueuesClosesAndErrorsOfThisNode() {
        try (TestClient alice = user("alice"); TestClient bob = user("bob")) {
            alice.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:lobby\",\"ref\":1}");
            bob.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:lobby\",\"ref\":1}");
            bob.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:quiet\",\"ref\":2}");
            alice.next();
            bob.next(2);
            alice.send("{\"type\":\"teleport\"}");
            assertThat(alice.next()).contains("unknown_type");
            try (TestClient carol = user("carol")) {
                await().until(() -> !connections.connectionsOf("carol").isEmpty());
                connections.connectionsOf("carol").get(0).close(new CloseReason(CloseReason.CloseCodes.getCloseCode(4100), "carol leaves"));
                carol.awaitClose();
            }
            await().until(() -> connections.count() == 2);

            try (TestClient console = console()) {
                JsonObject view = nextView(console, v -> v.getJsonArray("closes").size() > 0);

                assertThat(view.getJsonObject("stats").getInt("activeConnections")).as("alice, bob and the console").isEqualTo(3);
                assertThat(view.getJsonArray("channels").getValuesAs(JsonObject.class))
                        .extracting(c -> c.getString("name") + "=" + c.getInt("subscribers"))
                        .containsExactly("room:lobby=2", "room:quiet=1");
                JsonObject close = view.getJsonArray("closes").getJsonObject(0);
                assertThat(close.getInt("code")).isEqualTo(4100);
                assertThat(close.getString("reason")).isEqualTo("carol leaves");
                assertThat(close.getString("identifier")).isEqualTo("carol");
                JsonObject error = view.getJsonArray("errors").getJsonObject(0);
                assertThat(error.getString("type")).isEqualTo("unknown_type");
                assertThat(error.getString("identifier")).isEqualTo("alice");
                assertThat(view.getBoolean("draining")).isFalse();
            }
        }
    }

    @Test
    void theViewComesEverySecondWithTheLoadOfTheLastFiveMinutes() {
        try (TestClient console = console()) {
            JsonObject first = nextView(console, v -> true);
            JsonObject later = nextView(console, v -> v.getJsonArray("history").size() > first.getJsonArray("history").size());

            assertThat(Instant.parse(later.getString("takenAt"))).isAfter(Instant.parse(first.getString("takenAt")));
            List<Integer> lastSample = later.getJsonArray("history").getJsonArray(later.getJsonArray("history").size() - 1)
                    .getValuesAs(jakarta.json.JsonNumber.class).stream().map(jakarta.json.JsonNumber::intValue).toList();
            assertThat(lastSample).hasSize(4);
            assertThat(lastSample.get(1)).as("connections open: the console itself").isEqualTo(1);
            assertThat(later.getJsonObject("stats").getInt("presenceMembers")).as("an operator is not one of the users").isZero();
        }
    }

    @Test
    void onlyTheLastFiftyClosesAreKept() {
        for (int i = 0; i < 55; i++) {
            // One at a time, so that the closes come in order.
            try (TestClient user = user("u" + i)) {
                await().pollInterval(Duration.ofMillis(5)).until(() -> connections.count() == 1);
            }
            await().pollInterval(Duration.ofMillis(5)).until(() -> connections.count() == 0);
        }
        try (TestClient console = console()) {
            JsonObject view = nextView(console, v -> v.getJsonArray("closes").getJsonObject(0).getString("identifier").equals("u54"));
            assertThat(view.getJsonArray("closes")).hasSize(50);
            assertThat(view.getJsonArray("closes").getJsonObject(49).getString("identifier")).isEqualTo("u5");
        }
    }

    @Test
    void aClientForwardedByAnUntrustedProxyIsRefused() {
        try (TestClient forwarded = TestClient.connect(server.uri("/hauyna/console/live"), Map.of("X-Forwarded-For", "203.0.113.9"))) {
            CloseReason reason = forwarded.awaitClose();
            assertThat(reason.getCloseCode().getCode()).isEqualTo(1008);
            assertThat(reason.getReasonPhrase()).isEqualTo("The Hauyna console is not open to this client");
        }
    }

    private static TestClient user(String name) {
        return TestClient.connect(server.uri("/protocol?user_id=" + name));
    }

    private static TestClient console() {
        return TestClient.connect(server.uri("/hauyna/console/live"), Map.of(), List.of(HauynaConfigurator.SUBPROTOCOL));
    }

    /** @return the next view the console receives that matches */
    private static JsonObject nextView(TestClient console, Predicate<JsonObject> wanted) {
        return await().until(() -> {
            JsonObject frame = Json.createReader(new StringReader(console.next())).readObject();
            assertThat(frame.getString("event")).isEqualTo("hauyna.console");
            return frame.getJsonObject("data");
        }, wanted);
    }
}
