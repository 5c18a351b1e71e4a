package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.StalledClient;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Pings, pong tracking and timeouts: interval 1 s, timeout 2 s. */
class HeartbeatTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class, QuietEndpoint.class)
            .withBeans(Recorder.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.HEARTBEAT_INTERVAL, "1")
            .with(HauynaConfigKeys.HEARTBEAT_TIMEOUT, "2");

    /** Opts out of the heartbeat entirely. */
    @Dependent
    @Heartbeat(interval = 0, timeout = 0)
    @ServerEndpoint(value = "/quiet", configurator = HauynaConfigurator.class)
    public static class QuietEndpoint {
        @Inject
        HauynaProtocol protocol;

        @OnOpen
        public void open(Session session) {
        }

        @OnMessage
        public void message(Session session, String text) {
            protocol.handle(session, text);
        }

        @OnClose
        public void close(Session session) {
        }
    }

    @ApplicationScoped
    public static class Recorder {
        final List<Object> events = new CopyOnWriteArrayList<>();

        void timedOut(@Observes HeartbeatTimedOut event) {
            events.add(event);
        }

        void closed(@Observes ConnectionClosed event) {
            events.add(event);
        }

        List<Object> events() {
            return List.copyOf(events);
        }
    }

    private final Connections connections = server.bean(Connections.class);
    private final Channels channels = server.bean(Channels.class);
    private final Presence presence = server.bean(Presence.class);

    @AfterEach
    void allGone() {
        await().until(() -> connections.count() == 0);
    }

    @Test
    void aClientThatStopsAnsweringIsClosedAndEverythingItHeldIsCleaned() {
        try (StalledClient silent = StalledClient.connect(server.uri("/protocol?user_id=silent"), 0)) {
            await().until(() -> presence.isPresent("silent"));
            Connection connection = connections.connectionsOf("silent").get(0);
            channels.subscribe("room:hb", connection.session(), Map.of());
            connections.addToGroup("silent", "team");
            long start = System.nanoTime();

            await().atMost(Duration.ofSeconds(6)).until(() -> !presence.isPresent("silent"));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(connections.connectionsOf("silent")).isEmpty();
            assertThat(channels.subscribers("room:hb")).isEmpty();
            assertThat(connections.groupMembers("team")).isEmpty();
            List<Object> events = server.bean(Recorder.class).events();
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(HeartbeatTimedOut.class,
                    t -> assertThat(t.connectionId()).isEqualTo(connection.id())));
            assertThat(events).contains(new ConnectionClosed(connection.id(), "silent", 4000, "Heartbeat timeout"));
            System.out.printf("heartbeat: a silent client was removed %d ms after it was last heard from (interval 1 s, timeout 2 s)%n", tookMillis);
            assertThat(tookMillis).as("interval + timeout + sweep, with slack for a busy machine").isLessThan(6_000);
        }
    }

    @Test
    void aClientThatAnswersPingsStaysConnected() throws InterruptedException {
        try (TestClient tyrus = ProtocolEndpoint.connectAs(server, "pong-answerer")) {
            Thread.sleep(4_000);
            assertThat(tyrus.isOpen()).isTrue();
            assertThat(connections.connectionsOf("pong-answerer")).hasSize(1);
        }
    }

    @Test
    void aBrowserStyleClientThatOnlySendsProtocolPingsStaysConnected() throws InterruptedException {
        try (StalledClient browserLike = StalledClient.connect(server.uri("/protocol?user_id=browser"), 0)) {
            await().until(() -> presence.isPresent("browser"));
            for (int i = 0; i < 8; i++) {
                browserLike.send("{\"type\":\"ping\"}");
                Thread.sleep(500);
            }
            assertThat(connections.connectionsOf("browser")).hasSize(1);
        }
    }

    @Test
    void anEndpointCanTurnTheHeartbeatOff() throws InterruptedException {
        try (StalledClient silent = StalledClient.connect(server.uri("/quiet?user_id=quiet"), 0)) {
            await().until(() -> presence.isPresent("quiet"));
            Thread.sleep(4_000);
            assertThat(connections.connectionsOf("quiet")).hasSize(1);
        }
    }
}
