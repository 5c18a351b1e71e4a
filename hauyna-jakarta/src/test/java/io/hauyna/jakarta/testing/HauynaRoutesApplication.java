package io.hauyna.jakarta.testing;

import io.hauyna.jakarta.internal.route.RouteDeployment;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Deploys the application's programmatic routes on the standalone Tyrus server, which has no
 * servlet context listener to do it: the same {@link RouteDeployment} a WAR uses.
 */
public class HauynaRoutesApplication implements ServerApplicationConfig {

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
        return new LinkedHashSet<>(CDI.current().select(RouteDeployment.class).get().endpointConfigs());
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return scanned;
    }
}
