package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A programmatic route registered from a CDI observer: parameters, callbacks, identity, protocol, limits. */
class RoutesTest {

    static final List<String> CLOSED = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving()
            .withBeans(ChatRoutes.class)
            .with(HauynaConfigKeys.RATE_LIMIT_PER_SECOND, "5")
            .with(HauynaConfigKeys.RATE_LIMIT_BURST, "5");

    @ApplicationScoped
    public static class ChatRoutes {
        @Inject
        HauynaProtocol protocol;

        @Inject
        Channels channels;

        void register(@Observes Routes routes) {
            routes.add("/chat/{room}", new RouteHandler() {
                @Override
                public void onOpen(Connection connection) {
                    connection.send(Map.of("room", connection.pathParameters().get("room"),
                            "query", connection.queryParameters(), "me", connection.identifier()));
                }

                @Override
                public void onMessage(Connection connection, String message) {
                    if (message.equals("boom")) {
                        throw new IllegalStateException("handler bug");
                    }
                    protocol.handle(connection.session(), message);
                }

                @Override
                public void onClose(Connection connection, CloseReason reason) {
                    CLOSED.add(connection.identifier() + ":" + reason.getCloseCode().getCode());
                }

                @Override
                public void onError(Connection connection, Throwable error) {
                    connection.send("error: " + error.getMessage());
                }

                @Override
                public Optional<String> extractIdentifier(Handshake handshake) {
                    return handshake.header("X-User");
                }
            });
            routes.add("/quiet", new RouteHandler() {
                @Override
                public Optional<Duration> heartbeatInterval() {
                    return Optional.of(Duration.ZERO);
                }
            });
        }
    }

    @Test
    void pathAndQueryParametersReachTheHandlerSeparatelyWithTheRoutesOwnIdentity() {
        try (TestClient alice = TestClient.connect(server.uri("/chat/lobby?room=attic&lang=en"), Map.of("X-User", "alice"))) {
            String welcome = alice.next();

            assertThat(welcome).contains("\"room\":\"lobby\"").contains("\"me\":\"alice\"")
                    .contains("\"query\":{\"room\":[\"attic\"],\"lang\":[\"en\"]}");
            assertThat(server.bean(Connections.class).connectionsOf("alice").get(0).route()).isEqualTo("/chat/{room}");
        }
        await().until(() -> CLOSED.stream().anyMatch(closed -> closed.startsWith("alice:")));
        assertThat(server.bean(Connections.class).connectionsOf("alice")).isEmpty();
    }

    @Test
    void theHandlerSpeaksTheProtocolAndAFailingCallbackReachesOnError() {
        try (TestClient bob = TestClient.connect(server.uri("/chat/lobby"), Map.of("X-User", "bob"))) {
            bob.next();
            bob.send("{\"type\":\"ping\",\"ref\":1}");
            assertThat(bob.next()).isEqualTo("{\"type\":\"pong\",\"ref\":1}");
            bob.send("boom");
            assertThat(bob.next()).isEqualTo("error: handler bug");
            bob.send("{\"type\":\"ping\",\"ref\":2}");
            assertThat(bob.next()).isEqualTo("{\"type\":\"pong\",\"ref\":2}");
        }
    }

    @Test
    void framesToARouteCountAgainstTheRateLimit() {
        try (TestClient flooder = TestClient.connect(server.uri("/chat/lobby"), Map.of("X-User", "flooder"))) {
            flooder.next();
            List<String> answers = new ArrayList<>();
            // One frame at a time, each answered (pong or rate_limited) until the one that closes: no
            // frame is ever written after the server decided to close, which would race its close.
            for (int i = 0; i < 100; i++) {
                flooder.send("{\"type\":\"ping\",\"ref\":" + i + "}");
                Optional<String> answer = flooder.nextUnlessClosed();
                if (answer.isEmpty()) {
                    break;
                }
                answers.add(answer.get());
            }
            CloseReason reason = flooder.awaitClose();

            assertThat(reason.getCloseCode().getCode()).isEqualTo(HauynaCloseCodes.RATE_LIMIT_EXCEEDED.getCode());
            assertThat(answers).anyMatch(frame -> frame.contains("\"error_type\":\"rate_limited\""));
        }
    }

    @Test
    void aRouteWithoutIdentityFallsBackToTheResolversAndItsOwnHeartbeat() {
        try (TestClient anonymous = TestClient.connect(server.uri("/quiet"))) {
            await().until(() -> server.bean(Connections.class).count() == 1);
            Connection connection = server.bean(Connections.class).identifiers().stream()
                    .flatMap(id -> server.bean(Connections.class).connectionsOf(id).stream()).findFirst().orElseThrow();

            assertThat(connection.anonymous()).isTrue();
            assertThat(connection.route()).isEqualTo("/quiet");
        }
    }
}
