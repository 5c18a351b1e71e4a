package io.hauyna.jakarta.internal;

import io.hauyna.jakarta.HauynaCloseCodes;
import io.hauyna.jakarta.spi.EndpointProvider;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;

import java.lang.reflect.Method;
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

    @Inject
    ConnectionRegistry registry;

    @Inject
    EndpointProvider endpoints;

    @AroundInvoke
    Object aroundLifecycle(InvocationContext invocation) throws Exception {
        Session session = sessionArgument(invocation);
        if (session == null) {
            return invocation.proceed();
        }
        if (session.getUserProperties().containsKey(REFUSED)) {
            return null;
        }
        Method method = invocation.getMethod();
        if (method.isAnnotationPresent(OnOpen.class)) {
            return open(invocation, session);
        }
        if (method.isAnnotationPresent(OnMessage.class)) {
            registry.touch(session);
            return invocation.proceed();
        }
        if (method.isAnnotationPresent(OnClose.class)) {
            try {
                return invocation.proceed();
            } finally {
                registry.unregister(session);
                endpoints.destroy(invocation.getTarget());
            }
        }
        if (method.isAnnotationPresent(OnError.class)) {
            try {
                return invocation.proceed();
            } finally {
                if (!session.isOpen()) {
                    registry.unregister(session);
                }
            }
        }
        return invocation.proceed();
    }

    private Object open(InvocationContext invocation, Session session) throws Exception {
        try {
            registry.register(session);
        } catch (SecurityException unidentified) {
            session.getUserProperties().put(REFUSED, Boolean.TRUE);
            LOG.fine(() -> "Refusing unidentified connection to " + session.getRequestURI().getPath());
            SessionCloser.closeNow(session, new CloseReason(HauynaCloseCodes.AUTHENTICATION_REQUIRED, "Authentication required"));
            endpoints.destroy(invocation.getTarget());
            return null;
        }
        return invocation.proceed();
    }

    private static Session sessionArgument(InvocationContext invocation) {
        for (Object argument : invocation.getParameters()) {
            if (argument instanceof Session session) {
                return session;
            }
        }
        return null;
    }
}
