package io.hauyna.jakarta.internal.route;

import io.hauyna.jakarta.RouteHandler;
import io.hauyna.jakarta.internal.FailureLog;
import io.hauyna.jakarta.internal.config.HauynaSettings;
import io.hauyna.jakarta.internal.config.HeartbeatSettings;
import io.hauyna.jakarta.internal.connection.ConnectionRegistry;
import io.hauyna.jakarta.internal.connection.LiveConnection;
import io.hauyna.jakarta.internal.connection.SessionCloser;
import io.hauyna.jakarta.internal.handshake.ConnectionRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.util.logging.Level;
import java.util.logging.Logger;

/** What {@link RouteEndpoint}s need from the registries, in one place: the programmatic twin of the lifecycle interceptor. */
@ApplicationScoped
public class RouteConnections {

    private static final Logger LOG = Logger.getLogger(RouteConnections.class.getName());

    @Inject
    ConnectionRegistry registry;

    @Inject
    SessionCloser closer;

    @Inject
    FailureLog failures;

    @Inject
    HauynaSettings settings;

    /** @return the registered connection, or {@code null} when it was refused (and is being closed) */
    LiveConnection open(Session session, RouteHandler handler) {
        HeartbeatSettings heartbeat = new HeartbeatSettings(
                handler.heartbeatInterval().orElse(settings.heartbeatInterval()),
                handler.heartbeatTimeout().orElse(settings.heartbeatTimeout()));
        try {
            return registry.register(session, null, heartbeat);
        } catch (ConnectionRefused refused) {
            LOG.fine(() -> "Refusing a connection to " + session.getRequestURI().getPath() + ": " + refused.getMessage());
            closer.close(session, refused.reason());
            return null;
        }
    }

    /** @return whether the frame is within the connection's rate limit */
    boolean admit(Session session) {
        registry.frameReceived(session);
        return registry.admitFrame(session);
    }

    /** @return the session's connection, or {@code null} when it is not (or no longer) registered */
    LiveConnection registered(Session session) {
        return registry.live(session).orElse(null);
    }

    void close(Session session, CloseReason reason) {
        registry.unregister(session, reason);
    }

    /** Runs a handler callback; a failure is logged and reported to the handler's {@code onError}, never to the container. */
    void call(LiveConnection connection, RouteHandler handler, Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            error(connection, handler, e);
        }
    }

    void error(LiveConnection connection, RouteHandler handler, Throwable error) {
        failures.log("Route " + connection.route() + " failed for " + connection, error);
        try {
            handler.onError(connection, error);
        } catch (RuntimeException e) {
            failures.log("Route " + connection.route() + " onError failed too", e);
        }
    }
}
