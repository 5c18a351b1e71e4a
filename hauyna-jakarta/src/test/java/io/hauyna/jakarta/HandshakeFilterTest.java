package io.hauyna.jakarta;

import io.hauyna.jakarta.spi.ForRoutes;
import io.hauyna.jakarta.spi.HandshakeContext;
import io.hauyna.jakarta.spi.HandshakeDecision;
import io.hauyna.jakarta.spi.HandshakeFilter;
import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Handshake filters in order, scoped to routes, attaching data or refusing. On the standalone
 * Tyrus server no servlet filter sees the upgrade, so a refusal closes with 1008 before the
 * endpoint sees the connection (the HTTP statuses are checked on real servers by the TCK).
 */
class HandshakeFilterTest {

    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class, OtherEndpoint.class)
            .withBeans(First.class, Second.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");

    @ApplicationScoped
    @Priority(10)
    public static class First implements HandshakeFilter {
        @Override
        public HandshakeDecision filter(HandshakeContext context) {
            CALLS.add("first");
            String deny = context.handshake().queryParameter("deny").orElse("");
            if (deny.equals("boom")) {
                throw new IllegalStateException("filter bug");
            }
            context.attach("checked", true);
            if (deny.equals("long")) {
                return HandshakeDecision.forbidden("é".repeat(200));
            }
            return deny.equals("first") ? HandshakeDecision.forbidden("First says no") : HandshakeDecision.proceed();
        }
    }

    @ApplicationScoped
    @Priority(20)
    @ForRoutes("/protocol")
    public static class Second implements HandshakeFilter {
        @Override
        public HandshakeDecision filter(HandshakeContext context) {
            CALLS.add("second");
            context.attach("tier", "gold");
            return context.handshake().queryParameter("deny").filter("second"::equals).isPresent()
                    ? HandshakeDecision.tooManyRequests("Slow down") : HandshakeDecision.proceed();
        }
    }

    @Dependent
    @ServerEndpoint(value = "/other/{room}", configurator = HauynaConfigurator.class)
    public static class OtherEndpoint {
        static final AtomicInteger OPENED = new AtomicInteger();

        @OnOpen
        public void open(Session session) {
            OPENED.incrementAndGet();
        }

        @OnClose
        public void close(Session session) {
        }
    }

    @BeforeEach
    void forgetCalls() {
        await().until(() -> server.bean(Connections.class).count() == 0);
        CALLS.clear();
    }

    @Test
    void filtersRunInPriorityOrderAndTheirAttachmentsBecomeMetadata() {
        try (TestClient alice = ProtocolEndpoint.connectAs(server, "alice")) {
            Connection connection = server.bean(Connections.class).connectionsOf("alice").get(0);

            assertThat(CALLS).containsExactly("first", "second");
            assertThat(connection.metadata()).containsEntry("checked", true).containsEntry("tier", "gold");
            assertThat(connection.route()).isEqualTo("/protocol");
        }
    }

    @Test
    void aFilterScopedToOtherRoutesDoesNotRun() {
        int before = OtherEndpoint.OPENED.get();
        try (TestClient client = TestClient.connect(server.uri("/other/lobby?user_id=bob"))) {
            await().until(() -> OtherEndpoint.OPENED.get() == before + 1);

            assertThat(CALLS).containsExactly("first");
            assertThat(server.bean(Connections.class).connectionsOf("bob").get(0).route()).isEqualTo("/other/{room}");
        }
    }

    @Test
    void theFirstRefusalWinsAndNothingIsRegistered() {
        try (TestClient refused = TestClient.connect(server.uri("/protocol?user_id=carol&deny=first"))) {
            CloseReason reason = refused.awaitClose();

            assertThat(reason.getCloseCode()).isEqualTo(HauynaCloseCodes.HANDSHAKE_REFUSED);
            assertThat(reason.getReasonPhrase()).isEqualTo("First says no");
            refused.expectNothing(Duration.ofMillis(200));
        }
        assertThat(CALLS).containsExactly("first");
        assertThat(server.bean(Connections.class).identifiers()).doesNotContain("carol");
    }

    @Test
    void aLaterFilterCanRefuseToo() {
        try (TestClient refused = TestClient.connect(server.uri("/protocol?user_id=dave&deny=second"))) {
            assertThat(refused.awaitClose().getReasonPhrase()).isEqualTo("Slow down");
        }
        assertThat(CALLS).containsExactly("first", "second");
        assertThat(server.bean(Connections.class).count()).isZero();
    }

    @Test
    void aReasonTooLongForACloseFrameIsShortenedAndTheConnectionStillClosed() {
        try (TestClient refused = TestClient.connect(server.uri("/protocol?user_id=fay&deny=long"))) {
            CloseReason reason = refused.awaitClose();

            assertThat(reason.getCloseCode()).isEqualTo(HauynaCloseCodes.HANDSHAKE_REFUSED);
            assertThat(reason.getReasonPhrase()).isEqualTo("é".repeat(61));
        }
        assertThat(server.bean(Connections.class).count()).isZero();
    }

    @Test
    void aFailingFilterRefusesTheUpgrade() {
        try (TestClient refused = TestClient.connect(server.uri("/protocol?user_id=erin&deny=boom"))) {
            CloseReason reason = refused.awaitClose();

            assertThat(reason.getCloseCode()).isEqualTo(HauynaCloseCodes.HANDSHAKE_REFUSED);
            assertThat(reason.getReasonPhrase()).isEqualTo("The server failed to check this request");
        }
        assertThat(server.bean(Connections.class).count()).isZero();
    }
}
