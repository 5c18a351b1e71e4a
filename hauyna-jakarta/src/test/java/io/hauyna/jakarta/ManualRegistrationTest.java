package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An endpoint without HauynaConfigurator can still use Connections by registering itself. */
class ManualRegistrationTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(SelfRegisteringEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");

    /** Created by the container, not by CDI: it looks the bean up itself. */
    @ServerEndpoint("/manual/{room}")
    public static class SelfRegisteringEndpoint {
        private final Connections connections = CDI.current().select(Connections.class).get();

        @OnOpen
        public void open(Session session) {
            Connection me = connections.register(session);
            assertThat(connections.register(session)).as("registering twice returns the same connection").isSameAs(me);
            me.send("registered " + me.identifier());
        }

        @OnClose
        public void close(Session session) {
            connections.unregister(session);
        }
    }

    @Test
    void registersFromTheSessionAlone() {
        Connections connections = server.bean(Connections.class);
        try (TestClient client = TestClient.connect(server.uri("/manual/lobby?user_id=alice&room=attic"))) {
            assertThat(client.next()).isEqualTo("registered alice");
            Connection alice = connections.connectionsOf("alice").get(0);

            assertThat(alice.pathParameters()).as("query names are taken out of the session's path parameters")
                    .isEmpty();
            assertThat(alice.queryParameters()).containsExactly(
                    Map.entry("user_id", List.of("alice")), Map.entry("room", List.of("attic")));
            assertThat(alice.headers()).as("a session does not know the handshake headers").isEmpty();
        }
        await().until(() -> connections.count() == 0);
    }

    @Test
    void unregisteringTwiceRemovesOnce() {
        Connections connections = server.bean(Connections.class);
        try (TestClient client = TestClient.connect(server.uri("/manual/lobby?user_id=bob"))) {
            client.next();
            Connection bob = connections.connectionsOf("bob").get(0);

            assertThat(connections.unregister(bob.session())).containsSame(bob);
            assertThat(connections.unregister(bob.session())).isEmpty();
            assertThat(connections.connection(bob.session())).isEmpty();
            assertThat(connections.connectionsOf("bob")).isEmpty();
            assertThat(connections.connection(bob.session()).map(Connection::pathParameters)).isEmpty();
            assertThat(bob.pathParameters()).containsExactly(Map.entry("room", "lobby"));
        }
    }
}
