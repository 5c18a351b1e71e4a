package io.hauyna.jakarta.testing;

import io.hauyna.jakarta.Connections;
import io.hauyna.jakarta.HauynaConfigurator;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The smallest Hauyna endpoint: says {@code ready} once the connection is registered, so a test
 * knows the server side is in place, and otherwise lets the test drive the server API.
 */
@Dependent
@ServerEndpoint(value = "/ready", configurator = HauynaConfigurator.class)
public class ReadyEndpoint {

    public static final String READY = "ready";

    /**
     * Connects to {@code /ready} as {@code user} (needs {@code hauyna.identity.query-parameter=user_id})
     * and waits until registered. Broadcasts may overtake {@code ready}: the connection is
     * registered before {@code @OnOpen} runs; they are skipped.
     */
    public static TestClient connectAs(HauynaServer server, String user) {
        TestClient client = TestClient.connect(server.uri("/ready?user_id=" + user));
        while (!READY.equals(client.next())) {
            // a fan-out from another thread arrived first
        }
        return client;
    }

    @Inject
    Connections connections;

    @OnOpen
    public void open(Session session) {
        connections.connection(session).orElseThrow().send(READY);
    }

    @OnMessage
    public void message(Session session, String text) {
        // Activity only: tests observe lastActivity.
    }

    @OnClose
    public void close(Session session) {
        // Hauyna unregisters after this returns.
    }
}
