package io.hauyna.tck;

import io.hauyna.jakarta.Connections;
import io.hauyna.jakarta.HauynaConfigurator;
import io.hauyna.jakarta.HauynaProtocol;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * An endpoint that speaks the Hauyna protocol. {@code ?group=name} puts the user in a group on
 * open (groups are server-side, so the test needs a way in), with {@code ?role=name} if given.
 */
@Dependent
@ServerEndpoint(value = "/protocol", configurator = HauynaConfigurator.class)
public class TckProtocolEndpoint {

    @Inject
    HauynaProtocol protocol;

    @Inject
    Connections connections;

    @OnOpen
    public void open(Session session) {
        connections.connection(session).ifPresent(me ->
                me.queryParameters().getOrDefault("group", java.util.List.of()).forEach(group -> connections.addToGroup(me.identifier(), group,
                        me.queryParameters().getOrDefault("role", java.util.List.of(Connections.DEFAULT_ROLE)).get(0))));
    }

    @OnMessage
    public void message(Session session, String text) {
        protocol.handle(session, text);
    }

    @OnClose
    public void close(Session session) {
    }
}
