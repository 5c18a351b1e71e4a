package io.hauyna.jakarta.testing;

import io.hauyna.jakarta.HauynaConfigurator;
import io.hauyna.jakarta.HauynaProtocol;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** An endpoint that opts in to the Hauyna protocol and does nothing else. */
@Dependent
@ServerEndpoint(value = "/protocol", configurator = HauynaConfigurator.class)
public class ProtocolEndpoint {

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

    /** Subscribes over the protocol and checks the ok reply. */
    public static void join(TestClient client, String channel, String metadataJson) {
        client.send("{\"type\":\"subscribe_channel\",\"channel\":\"" + channel + "\",\"metadata\":" + metadataJson + ",\"ref\":\"join\"}");
        String reply = client.next();
        if (!reply.equals("{\"type\":\"reply\",\"ref\":\"join\",\"status\":\"ok\"}")) {
            throw new AssertionError("Joining " + channel + " was answered with " + reply);
        }
    }

    /** Connects as {@code user} and waits until a ping is answered, so the connection is registered. */
    public static TestClient connectAs(HauynaServer server, String user) {
        TestClient client = TestClient.connect(server.uri("/protocol?user_id=" + user));
        client.send("{\"type\":\"ping\",\"ref\":\"hello\"}");
        String pong = client.next();
        if (!pong.equals("{\"type\":\"pong\",\"ref\":\"hello\"}")) {
            throw new AssertionError("Expected the pong first, got " + pong);
        }
        return client;
    }
}
