package io.hauyna.jakarta.internal.route;

import io.hauyna.jakarta.internal.HauynaExtension;
import io.hauyna.jakarta.internal.config.PriorityOrder;
import io.hauyna.jakarta.spi.ForRoutes;
import jakarta.enterprise.inject.Instance;

import java.util.Arrays;
import java.util.List;

/**
 * An application bean (handshake filter, message interceptor) with the routes its
 * {@link ForRoutes} limits it to; empty routes mean every route.
 */
public record RouteScoped<T>(T bean, String name, List<RoutePattern> routes) {

    /**
     * @param beans    every bean of one SPI type
     * @param fallback the priority of a bean without {@code @Priority}
     * @return them in priority order, each with its routes (validated at deployment by {@link HauynaExtension})
     */
    public static <T> List<RouteScoped<T>> all(Instance<T> beans, int fallback) {
        return PriorityOrder.sorted(beans, fallback).stream()
                .map(handle -> new RouteScoped<>(handle.get(), handle.getBean().getBeanClass().getName(),
                        routesOf(handle.getBean().getBeanClass())))
                .toList();
    }

    /**
     * @return whether the bean applies to a route template; a template that is not valid route
     *         syntax (a manually registered connection's request path, say) is covered only by
     *         unscoped beans
     */
    public boolean appliesTo(String template) {
        if (routes.isEmpty()) {
            return true;
        }
        if (RoutePattern.problemOf(template).isPresent()) {
            return false;
        }
        return routes.stream().anyMatch(route -> route.covers(template));
    }

    private static List<RoutePattern> routesOf(Class<?> type) {
        ForRoutes routes = type.getAnnotation(ForRoutes.class);
        return routes == null ? List.of() : Arrays.stream(routes.value()).map(RoutePattern::pattern).toList();
    }
}
