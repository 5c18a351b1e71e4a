package io.hauyna.tck.connections;

import io.hauyna.jakarta.Connection;
import io.hauyna.jakarta.Connections;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * An endpoint without HauynaConfigurator that registers its connections by hand, as the README
 * shows. {@code @Dependent}: in a WAR with {@code bean-discovery-mode="annotated"}, Open Liberty
 * injects nothing into an endpoint that is not a bean.
 */
@Dependent
@ServerEndpoint("/manual")
public class ManualEndpoint {

    @Inject
    Connections connections;

    @OnOpen
    public void open(Session session) {
        Connection me = connections.register(session);
        me.send("registered " + me.identifier() + " on " + me.route());
    }

    @OnClose
    public void close(Session session) {
        connections.unregister(session);
    }
}
