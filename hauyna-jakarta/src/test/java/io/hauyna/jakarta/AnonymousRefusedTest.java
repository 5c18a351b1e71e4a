package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.enterprise.context.Dependent;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AnonymousRefusedTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(CountingEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_ALLOW_ANONYMOUS, "false")
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");

    @Dependent
    @ServerEndpoint(value = "/counting", configurator = HauynaConfigurator.class)
    public static class CountingEndpoint {
        static final AtomicInteger calls = new AtomicInteger();

        @OnOpen
        public void open(Session session) {
            calls.incrementAndGet();
            session.getAsyncRemote().sendText("welcome");
        }

        @OnMessage
        public void message(Session session, String text) {
            calls.incrementAndGet();
        }

        @OnClose
        public void close(Session session) {
            calls.incrementAndGet();
        }
    }

    @Test
    void anUnidentifiedConnectionIsClosedBeforeTheEndpointSeesIt() {
        await().until(() -> server.bean(Connections.class).count() == 0);
        int before = CountingEndpoint.calls.get();
        try (TestClient stranger = TestClient.connect(server.uri("/counting"))) {
            CloseReason reason = stranger.awaitClose();

            assertThat(reason.getCloseCode()).isEqualTo(HauynaCloseCodes.AUTHENTICATION_REQUIRED);
            assertThat(reason.getCloseCode().getCode()).isEqualTo(1008);
            assertThat(reason.getReasonPhrase()).isEqualTo("Authentication required: sign in first");
            stranger.expectNothing(Duration.ofMillis(200));
        }
        assertThat(CountingEndpoint.calls.get() - before).as("no endpoint method ran for the refused session").isZero();
        assertThat(server.bean(Connections.class).count()).isZero();
    }

    @Test
    void anIdentifiedConnectionIsAccepted() {
        int before = CountingEndpoint.calls.get();
        try (TestClient alice = TestClient.connect(server.uri("/counting?user_id=alice"))) {
            assertThat(alice.next()).isEqualTo("welcome");
            assertThat(server.bean(Connections.class).identifiers()).containsExactly("alice");
        }
        await().until(() -> CountingEndpoint.calls.get() == before + 2);
    }
}
