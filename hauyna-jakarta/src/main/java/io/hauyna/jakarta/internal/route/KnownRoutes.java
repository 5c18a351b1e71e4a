package io.hauyna.jakarta.internal.route;

import io.hauyna.jakarta.internal.HauynaExtension;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every route Hauyna serves (annotated endpoints that use the configurator, and programmatic
 * routes), so that the servlet filter knows which upgrades are ours.
 */
@ApplicationScoped
public class KnownRoutes {

    private final Map<String, RoutePattern> routes = new ConcurrentHashMap<>();

    @Inject
    HauynaExtension extension;

    @PostConstruct
    void addAnnotatedEndpoints() {
        extension.annotatedPaths().forEach(this::add);
    }

    void add(String template) {
        routes.computeIfAbsent(template, RoutePattern::route);
    }

    /**
     * @param pathInApp a request path without the context path
     * @return the template of the route that serves it, chosen as containers do (literal segments
     *         beat variables, left to right)
     */
    public Optional<String> routeFor(String pathInApp) {
        return routes.entrySet().stream()
                .filter(route -> route.getValue().match(pathInApp).isPresent())
                .min((a, b) -> RoutePattern.moreSpecificFirst(a.getValue(), b.getValue()))
                .map(Map.Entry::getKey);
    }

    List<String> all() {
        return routes.keySet().stream().sorted().toList();
    }
}
