package io.hauyna.jakarta.internal.route;

import io.hauyna.jakarta.HauynaConfigurator;
import io.hauyna.jakarta.RouteHandler;
import jakarta.enterprise.inject.spi.CDI;

/** Checks the handshake like any Hauyna endpoint, and gives each connection of a route its own {@link RouteEndpoint}. */
final class RouteConfigurator extends HauynaConfigurator {

    private final RouteHandler handler;

    RouteConfigurator(RouteHandler handler) {
        this.handler = handler;
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(new RouteEndpoint(handler, CDI.current().select(RouteConnections.class).get()));
    }
}
