package io.hauyna.jakarta.internal.connection;

import io.hauyna.jakarta.internal.HauynaScheduler;
import io.hauyna.jakarta.internal.handshake.ConnectionRefused;
import io.hauyna.jakarta.spi.EndpointProvider;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Registers a connection before the endpoint's {@code @OnOpen} and unregisters it after its
 * {@code @OnClose}, so that application code never has to. A session that was refused at open is
 * hidden from the endpoint: none of its methods run for it.
 */
@Interceptor
@HauynaLifecycle
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class ConnectionLifecycleInterceptor {

    private static final Logger LOG = Logger.getLogger(ConnectionLifecycleInterceptor.class.getName());
    private static final String REFUSED = ConnectionLifecycleInterceptor.class.getName() + ".refused";
    private static final Duration DESTROY_GRACE = Duration.ofSeconds(60);

    @Inject
    ConnectionRegistry registry;

    @Inject
    EndpointProvider endpoints;

    @Inject
    SessionCloser closer;

    @Inject
    HauynaScheduler scheduler;

    @AroundInvoke
    Object aroundLifecycle(InvocationContext invocation) throws Exception {
        Session session = sessionArgument(invocation);
        if (session == null) {
            return invocation.proceed();
        }
        Method method = invocation.getMethod();
        if (session.getUserProperties().containsKey(REFUSED)) {
            if (method.isAnnotationPresent(OnClose.class)) {
                endpoints.destroy(invocation.getTarget());
            }
            return null;
        }
        if (method.isAnnotationPresent(OnClose.class)) {
            try {
                return invocation.proceed();
            } finally {
                registry.unregister(session, argument(invocation, CloseReason.class));
                endpoints.destroy(invocation.getTarget());
            }
        }
        try {
            if (method.isAnnotationPresent(OnOpen.class)) {
                return open(invocation, session);
            }
            if (method.isAnnotationPresent(OnMessage.class)) {
                registry.frameReceived(session);
                if (!registry.admitFrame(session)) {
                    return null;
                }
            }
            return invocation.proceed();
        } finally {
            forgetIfClosedMeanwhile(session, invocation.getTarget());
        }
    }

    /**
     * An endpoint that closes its own session (or an error that closes it) may make the container
     * call {@code @OnClose} from inside this very call, where CDI does not intercept it again. So
     * the connection is unregistered here; the instance is destroyed by {@code @OnClose} if it
     * still comes, otherwise after a grace period.
     */
    private void forgetIfClosedMeanwhile(Session session, Object endpoint) {
        if (!session.isOpen() && registry.unregister(session).isPresent()) {
            scheduler.schedule(() -> endpoints.destroy(endpoint), DESTROY_GRACE);
        }
    }

    private Object open(InvocationContext invocation, Session session) throws Exception {
        try {
            registry.register(session, endpointClass(invocation.getTarget()));
        } catch (ConnectionRefused refused) {
            session.getUserProperties().put(REFUSED, Boolean.TRUE);
            CloseReason reason = refused.reason();
            LOG.fine(() -> "Refusing a connection to " + session.getRequestURI().getPath() + ": " + reason.getReasonPhrase());
            // Closed from another thread: a container that calls @OnClose inside close() would
            // otherwise call it from within this interceptor, where CDI does not intercept it again.
            // The instance is destroyed at that @OnClose.
            closer.close(session, reason);
            return null;
        }
        return invocation.proceed();
    }

    /** The application's class: CDI may hand us a generated subclass of it. */
    private static Class<?> endpointClass(Object endpoint) {
        Class<?> type = endpoint.getClass();
        while (type != null && !type.isAnnotationPresent(ServerEndpoint.class)) {
            type = type.getSuperclass();
        }
        return type == null ? endpoint.getClass() : type;
    }

    private static Session sessionArgument(InvocationContext invocation) {
        return argument(invocation, Session.class);
    }

    private static <T> T argument(InvocationContext invocation, Class<T> type) {
        for (Object argument : invocation.getParameters()) {
            if (type.isInstance(argument)) {
                return type.cast(argument);
            }
        }
        return null;
    }
}
