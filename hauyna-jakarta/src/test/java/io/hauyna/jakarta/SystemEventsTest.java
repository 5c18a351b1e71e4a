package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Connection opened/closed and message rejected arrive as CDI events; a failing observer breaks nothing. */
class SystemEventsTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class, CloseReasonEndpoint.class)
            .withBeans(Recorder.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");

    @Dependent
    @ServerEndpoint(value = "/with-reason", configurator = HauynaConfigurator.class)
    public static class CloseReasonEndpoint {
        @OnOpen
        public void open(Session session) {
        }

        @OnClose
        public void close(Session session, CloseReason reason) {
        }
    }

    @ApplicationScoped
    public static class Recorder {
        final List<Object> events = new CopyOnWriteArrayList<>();

        void opened(@Observes ConnectionOpened opened) {
            events.add(opened);
            if (opened.identifier().equals("trouble")) {
                throw new IllegalStateException("a buggy observer (expected by the test)");
            }
        }

        void closed(@Observes ConnectionClosed closed) {
            events.add(closed);
        }

        void rejected(@Observes MessageRejected rejected) {
            events.add(rejected);
        }

        List<Object> events() {
            return List.copyOf(events);
        }
    }

    private final Recorder recorder = server.bean(Recorder.class);
    private final Connections connections = server.bean(Connections.class);

    @Test
    void openedAndClosedWithTheCloseReason() throws Exception {
        String id;
        try (TestClient alice = TestClient.connect(server.uri("/with-reason?user_id=alice"))) {
            await().until(() -> !connections.connectionsOf("alice").isEmpty());
            id = connections.connectionsOf("alice").get(0).id();
            assertThat(recorder.events()).contains(new ConnectionOpened(id, "alice"));
        }
        await().until(() -> recorder.events().stream().anyMatch(ConnectionClosed.class::isInstance));
        assertThat(recorder.events()).contains(new ConnectionClosed(id, "alice", 1000, ""));
    }

    @Test
    void withoutACloseReasonParameterTheCodeIsNoStatus() {
        String id;
        try (TestClient bob = ProtocolEndpoint.connectAs(server, "bob")) {
            id = connections.connectionsOf("bob").get(0).id();
        }
        await().until(() -> recorder.events().contains(new ConnectionClosed(id, "bob", ConnectionClosed.NO_STATUS, "")));
    }

    @Test
    void rejectedFramesAreReported() {
        try (TestClient carol = ProtocolEndpoint.connectAs(server, "carol")) {
            carol.send("{\"type\":\"teleport\"}");
            carol.next();
            String id = connections.connectionsOf("carol").get(0).id();
            await().untilAsserted(() -> assertThat(recorder.events()).anySatisfy(event ->
                    assertThat(event).isInstanceOfSatisfying(MessageRejected.class, rejected -> {
                        assertThat(rejected.connectionId()).isEqualTo(id);
                        assertThat(rejected.errorType()).isEqualTo(ErrorType.UNKNOWN_TYPE);
                    })));
        }
    }

    @Test
    void aFailingObserverDoesNotRefuseTheConnection() {
        try (TestClient trouble = ProtocolEndpoint.connectAs(server, "trouble")) {
            assertThat(connections.identifiers()).contains("trouble");
        }
    }
}
