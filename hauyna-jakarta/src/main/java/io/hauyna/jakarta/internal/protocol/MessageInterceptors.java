package io.hauyna.jakarta.internal.protocol;

import io.hauyna.jakarta.internal.connection.LiveConnection;
import io.hauyna.jakarta.internal.route.RouteScoped;
import io.hauyna.jakarta.spi.MessageInterceptor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.List;

/** The application's {@link MessageInterceptor}s in priority order, each limited to its routes. */
@ApplicationScoped
public class MessageInterceptors {

    @Inject
    @Any
    Instance<MessageInterceptor> interceptorBeans;

    private List<RouteScoped<MessageInterceptor>> interceptors;

    @PostConstruct
    void order() {
        interceptors = RouteScoped.all(interceptorBeans, MessageInterceptor.APPLICATION);
    }

    /** @throws io.hauyna.jakarta.HauynaException when an interceptor rejects the frame */
    JsonObject apply(LiveConnection connection, JsonObject frame) {
        JsonObject current = frame;
        for (RouteScoped<MessageInterceptor> scoped : interceptors) {
            if (!scoped.appliesTo(connection.route())) {
                continue;
            }
            current = scoped.bean().intercept(connection, current);
            if (current == null) {
                throw new IllegalStateException("Message interceptor " + scoped.name() + " returned null; return the frame instead");
            }
        }
        return current;
    }
}
