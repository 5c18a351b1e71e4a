package io.hauyna.jakarta.internal.route;

import io.hauyna.jakarta.RouteHandler;
import io.hauyna.jakarta.internal.connection.LiveConnection;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/**
 * The endpoint of one connection on a programmatic route: registers it, passes its frames to the
 * {@link RouteHandler} within the rate limit, and unregisters it after the handler's {@code onClose}.
 */
public final class RouteEndpoint extends Endpoint {

    private final RouteHandler handler;
    private final RouteConnections connections;
    private volatile LiveConnection connection;

    RouteEndpoint(RouteHandler handler, RouteConnections connections) {
        this.handler = handler;
        this.connections = connections;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        connection = connections.open(session, handler);
        if (connection == null) {
            return;
        }
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            if (connections.admit(session)) {
                connections.call(connection, handler, () -> handler.onMessage(connection, text));
            }
        });
        if (session.isOpen()) {
            connections.call(connection, handler, () -> handler.onOpen(connection));
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        // A close from another thread (credential expiry, say) may come before onOpen saw its connection.
        LiveConnection closed = connection != null ? connection : connections.registered(session);
        if (closed != null) {
            connections.call(closed, handler, () -> handler.onClose(closed, reason));
        }
        connections.close(session, reason);
    }

    @Override
    public void onError(Session session, Throwable error) {
        LiveConnection failed = connection;
        if (failed != null) {
            connections.error(failed, handler, error);
        }
    }
}
