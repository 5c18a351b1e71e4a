package io.hauyna.tck.heartbeat;

import io.hauyna.jakarta.HauynaConfigurator;
import io.hauyna.jakarta.HauynaProtocol;
import io.hauyna.jakarta.Heartbeat;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** A protocol endpoint whose connections are never pinged nor timed out, whatever the configuration says. */
@Dependent
@Heartbeat(interval = 0, timeout = 0)
@ServerEndpoint(value = "/quiet", configurator = HauynaConfigurator.class)
public class QuietEndpoint {

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
