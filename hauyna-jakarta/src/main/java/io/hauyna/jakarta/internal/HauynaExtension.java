package io.hauyna.jakarta.internal;

import io.hauyna.jakarta.ClientEvent;
import io.hauyna.jakarta.HauynaConfigurator;
import io.hauyna.jakarta.HauynaEvent;
import io.hauyna.jakarta.internal.connection.HauynaLifecycle;
import io.hauyna.jakarta.internal.integration.OptionalIntegrations;
import io.hauyna.jakarta.internal.route.RoutePattern;
import io.hauyna.jakarta.spi.ForRoutes;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Adds the optional integrations whose API the server offers, finds the endpoints that use
 * {@link HauynaConfigurator}, binds the lifecycle interceptor to their {@code @OnOpen},
 * {@code @OnMessage}, {@code @OnClose} and {@code @OnError} methods, and reports every endpoint
 * Hauyna cannot hook, all together, as deployment problems.
 */
public class HauynaExtension implements Extension {

    private static final List<Class<? extends Annotation>> LIFECYCLE =
            List.of(OnOpen.class, OnMessage.class, OnClose.class, OnError.class);

    private final List<String> problems = new ArrayList<>();
    private final List<String> annotatedPaths = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Set<String> eventNames = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** MicroProfile Health, MicroProfile Metrics and OpenTelemetry, each where the server offers it. */
    void addOptionalIntegrations(@Observes BeforeBeanDiscovery discovery) {
        OptionalIntegrations.addPresent(discovery);
    }

    <T> void bindLifecycle(@Observes @WithAnnotations(ServerEndpoint.class) ProcessAnnotatedType<T> discovered) {
        AnnotatedType<T> type = discovered.getAnnotatedType();
        ServerEndpoint endpoint = type.getAnnotation(ServerEndpoint.class);
        if (endpoint == null || !HauynaConfigurator.class.isAssignableFrom(endpoint.configurator())) {
            return;
        }
        problems.addAll(problemsOf(type));
        RoutePattern.reservationOf(endpoint.value())
                .ifPresent(reserved -> problems.add("Endpoint " + type.getJavaClass().getName() + " at '" + endpoint.value() + "' " + reserved));
        annotatedPaths.add(endpoint.value());
        discovered.configureAnnotatedType()
                .filterMethods(method -> LIFECYCLE.stream().anyMatch(method::isAnnotationPresent))
                .forEach(method -> method.add(HauynaLifecycle.Literal.INSTANCE));
    }

    /** Invalid {@link ForRoutes} patterns fail the deployment like any other definition problem. */
    <T> void checkRoutePatterns(@Observes @WithAnnotations(ForRoutes.class) ProcessAnnotatedType<T> discovered) {
        ForRoutes routes = discovered.getAnnotatedType().getAnnotation(ForRoutes.class);
        if (routes == null) {
            return;
        }
        String name = discovered.getAnnotatedType().getJavaClass().getName();
        if (routes.value().length == 0) {
            problems.add("@ForRoutes on " + name + " lists no pattern: list at least one, or remove it to apply to every route");
        }
        for (String pattern : routes.value()) {
            try {
                RoutePattern.pattern(pattern);
            } catch (IllegalArgumentException invalid) {
                problems.add("@ForRoutes pattern '" + pattern + "' on " + name + " " + invalid.getMessage());
            }
        }
    }

    /** Notes every custom event name that has an observer, so that dispatch never asks the container about other names. */
    void collectEventNames(@Observes ProcessObserverMethod<ClientEvent, ?> observer) {
        observer.getObserverMethod().getObservedQualifiers().stream()
                .filter(HauynaEvent.class::isInstance)
                .map(qualifier -> ((HauynaEvent) qualifier).value())
                .forEach(eventNames::add);
    }

    /** @return the names of the custom events the application observes */
    public Set<String> eventNames() {
        return Set.copyOf(eventNames);
    }

    /** @return the paths of the annotated endpoints that use {@link HauynaConfigurator} */
    public List<String> annotatedPaths() {
        return List.copyOf(annotatedPaths);
    }

    void reportProblems(@Observes AfterBeanDiscovery afterDiscovery) {
        problems.forEach(problem -> afterDiscovery.addDefinitionError(new DefinitionException(problem)));
        problems.clear();
    }

    static List<String> problemsOf(AnnotatedType<?> type) {
        String name = type.getJavaClass().getName();
        List<String> found = new ArrayList<>();
        if (Modifier.isFinal(type.getJavaClass().getModifiers())) {
            found.add("Endpoint " + name + " is final: Hauyna intercepts its lifecycle methods, so remove 'final'");
        }
        for (Class<? extends Annotation> lifecycle : List.of(OnOpen.class, OnClose.class)) {
            List<AnnotatedMethod<?>> methods = new ArrayList<>();
            type.getMethods().stream().filter(method -> method.isAnnotationPresent(lifecycle)).forEach(methods::add);
            if (methods.isEmpty()) {
                found.add("Endpoint " + name + " uses HauynaConfigurator but has no @" + lifecycle.getSimpleName()
                        + " method: add one that takes the Session, e.g. @" + lifecycle.getSimpleName()
                        + " public void " + lifecycle.getSimpleName().substring(2).toLowerCase() + "(Session session) {}");
            }
            for (AnnotatedMethod<?> method : methods) {
                boolean takesSession = Arrays.asList(method.getJavaMember().getParameterTypes()).contains(Session.class);
                if (!takesSession) {
                    found.add("Endpoint method " + name + "." + method.getJavaMember().getName() + " is @" + lifecycle.getSimpleName()
                            + " but does not take the jakarta.websocket.Session: add a Session parameter so Hauyna can track the connection");
                }
                if (Modifier.isFinal(method.getJavaMember().getModifiers())) {
                    found.add("Endpoint method " + name + "." + method.getJavaMember().getName() + " is final: remove 'final' so Hauyna can intercept it");
                }
            }
        }
        return found;
    }
}
