package io.hauyna.tck.routes;

import io.hauyna.jakarta.Connection;
import io.hauyna.jakarta.HauynaProtocol;
import io.hauyna.jakarta.RouteHandler;
import io.hauyna.jakarta.Routes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.TreeMap;

/** A programmatic route: welcomes each connection with what it knows, then speaks the protocol. */
@ApplicationScoped
public class TckRoutes {

    @Inject
    HauynaProtocol protocol;

    void register(@Observes Routes routes) {
        routes.add("/routes/{room}", new RouteHandler() {
            @Override
            public void onOpen(Connection connection) {
                Map<String, Object> welcome = new TreeMap<>();
                welcome.put("type", "welcome");
                welcome.put("identifier", connection.identifier());
                welcome.put("path", connection.pathParameters());
                welcome.put("query", connection.queryParameters());
                welcome.put("route", connection.route());
                connection.send(welcome);
            }

            @Override
            public void onMessage(Connection connection, String message) {
                protocol.handle(connection.session(), message);
            }
        });
    }
}
