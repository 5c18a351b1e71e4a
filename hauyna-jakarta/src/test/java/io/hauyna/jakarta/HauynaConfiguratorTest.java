package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HauynaConfiguratorTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(RoomEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");

    @Dependent
    @ServerEndpoint(value = "/rooms/{room}", configurator = HauynaConfigurator.class)
    public static class RoomEndpoint {
        static final AtomicInteger constructed = new AtomicInteger();
        static final AtomicInteger destroyed = new AtomicInteger();
        static final List<String> registeredAtClose = new CopyOnWriteArrayList<>();
        static final Map<Object, Boolean> instances = new ConcurrentHashMap<>();

        @Inject
        Connections connections;

        @PostConstruct
        void created() {
            constructed.incrementAndGet();
        }

        @PreDestroy
        void released() {
            destroyed.incrementAndGet();
        }

        @OnOpen
        public void open(Session session, @PathParam("room") String room) {
            instances.put(this, true);
            Connection me = connections.connection(session).orElseThrow(() -> new AssertionError("not registered before @OnOpen"));
            me.send("welcome " + me.identifier() + " to " + room);
        }

        @OnMessage
        public void message(Session session, String text) throws IOException {
            if (text.equals("bye")) {
                session.close();
                return;
            }
            connections.connection(session).orElseThrow().send("echo " + text);
        }

        @OnClose
        public void close(Session session) {
            registeredAtClose.add(String.valueOf(connections.connection(session).isPresent()));
        }
    }

    @AfterEach
    void allClosed() {
        await().until(() -> server.bean(Connections.class).count() == 0);
    }

    @Test
    void injectsTheEndpointAndRegistersTheConnectionBeforeOnOpen() {
        try (TestClient client = TestClient.connect(server.uri("/rooms/lobby?user_id=alice"))) {
            assertThat(client.next()).isEqualTo("welcome alice to lobby");
            client.send("hi");
            assertThat(client.next()).isEqualTo("echo hi");
        }
    }

    @Test
    void separatesPathParametersFromQueryParameters() {
        try (TestClient client = TestClient.connect(server.uri("/rooms/lobby?user_id=bob&room=attic&tag=a&tag=b+c&empty"))) {
            client.next();
            Connection bob = server.bean(Connections.class).connectionsOf("bob").get(0);

            assertThat(bob.pathParameters()).containsExactly(Map.entry("room", "lobby"));
            assertThat(bob.queryParameters()).containsExactly(
                    Map.entry("user_id", List.of("bob")),
                    Map.entry("room", List.of("attic")),
                    Map.entry("tag", List.of("a", "b c")),
                    Map.entry("empty", List.of("")));
        }
    }

    @Test
    void keepsOnlyTheConfiguredHeadersAndDropsTheHandshakeFromTheSession() {
        String origin = "http://localhost:" + server.uri("/").getPort();
        Map<String, String> headers = Map.of("Origin", origin, "Authorization", "Bearer secret");
        try (TestClient client = TestClient.connect(server.uri("/rooms/lobby?user_id=carol"), headers)) {
            client.next();
            Connection carol = server.bean(Connections.class).connectionsOf("carol").get(0);

            assertThat(carol.headers()).containsKey("origin").doesNotContainKey("Authorization");
            assertThat(carol.headers().get("ORIGIN")).containsExactly(origin);
            assertThat(carol.session().getUserProperties()).doesNotContainKey(Handshake.USER_PROPERTY);
            assertThat(carol.principal()).isEmpty();
            assertThat(carol.anonymous()).isFalse();
        }
    }

    @Test
    void createsOneInstancePerConnectionAndDestroysItAfterOnClose() {
        int constructedBefore = RoomEndpoint.constructed.get();
        int destroyedBefore = RoomEndpoint.destroyed.get();
        int instancesBefore = RoomEndpoint.instances.size();
        try (TestClient first = TestClient.connect(server.uri("/rooms/a?user_id=dave"));
             TestClient second = TestClient.connect(server.uri("/rooms/b?user_id=dave"))) {
            first.next();
            second.next();
            assertThat(RoomEndpoint.constructed.get() - constructedBefore).isEqualTo(2);
            assertThat(RoomEndpoint.instances.size() - instancesBefore).isEqualTo(2);
        }
        await().until(() -> RoomEndpoint.destroyed.get() - destroyedBefore == 2);
        assertThat(RoomEndpoint.constructed.get() - constructedBefore).isEqualTo(2);
    }

    @Test
    void anEndpointThatClosesItsOwnSessionIsUnregistered() {
        Connections connections = server.bean(Connections.class);
        try (TestClient client = TestClient.connect(server.uri("/rooms/lobby?user_id=frank"))) {
            client.next();
            connections.addToGroup("frank", "leavers");
            client.sendAndAwaitClose("bye");
        }
        await().until(() -> connections.connectionsOf("frank").isEmpty());
        assertThat(connections.groupMembers("leavers")).isEmpty();
    }

    @Test
    void unregistersAfterOnCloseHasRun() {
        int closesBefore = RoomEndpoint.registeredAtClose.size();
        try (TestClient client = TestClient.connect(server.uri("/rooms/lobby?user_id=erin"))) {
            client.next();
            assertThat(server.bean(Connections.class).identifiers()).contains("erin");
        }
        await().until(() -> RoomEndpoint.registeredAtClose.size() == closesBefore + 1);
        assertThat(RoomEndpoint.registeredAtClose.get(closesBefore)).isEqualTo("true");
        await().until(() -> !server.bean(Connections.class).identifiers().contains("erin"));
    }
}
