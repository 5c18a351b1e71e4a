package io.hauyna.jakarta.internal.route;

import io.hauyna.jakarta.HauynaConfigurator;
import io.hauyna.jakarta.RouteHandler;
import io.hauyna.jakarta.Routes;
import io.hauyna.jakarta.internal.HauynaExtension;
import io.hauyna.jakarta.internal.config.HauynaSettings;
import io.hauyna.jakarta.internal.console.ConsoleFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** Collects the application's {@link Routes} once, validates them all, and turns them into endpoint configurations. */
@ApplicationScoped
public class RouteDeployment {

    private static final Logger LOG = Logger.getLogger(RouteDeployment.class.getName());

    @Inject
    BeanManager beanManager;

    @Inject
    KnownRoutes knownRoutes;

    @Inject
    HauynaExtension extension;

    @Inject
    HauynaSettings settings;

    @Inject
    ConsoleFeed console;

    private List<ServerEndpointConfig> configs;
    private final Map<String, RouteHandler> handlers = new LinkedHashMap<>();

    /**
     * @return one endpoint configuration per route; empty when the application registers none
     * @throws IllegalStateException listing every problem with the routes
     */
    public synchronized List<ServerEndpointConfig> endpointConfigs() {
        if (configs == null) {
            Routes routes = new Routes();
            beanManager.getEvent().select(Routes.class).fire(routes);
            List<ServerEndpointConfig> built = new ArrayList<>(validated(routes.routes()));
            if (settings.consoleEnabled()) {
                built.add(endpointConfig(HauynaSettings.CONSOLE_ROUTE, console));
            }
            configs = List.copyOf(built);
        }
        return configs;
    }

    /** Deploys every route to a container; called while the web application starts. */
    public void deployTo(ServerContainer container) throws DeploymentException {
        for (ServerEndpointConfig config : endpointConfigs()) {
            container.addEndpoint(config);
        }
        if (!configs.isEmpty()) {
            LOG.info(() -> "Hauyna deployed " + configs.size() + " programmatic route(s): " + handlers.keySet());
        }
    }

    /** @return the handler of a programmatic route, or empty for an annotated endpoint */
    public Optional<RouteHandler> handlerOf(String template) {
        return Optional.ofNullable(handlers.get(template));
    }

    private List<ServerEndpointConfig> validated(List<Routes.Route> routes) {
        List<String> problems = new ArrayList<>();
        Map<String, RoutePattern> accepted = new LinkedHashMap<>();
        for (Routes.Route route : routes) {
            String template = route.template();
            Optional<String> malformed = RoutePattern.problemOf(template).or(() -> RoutePattern.reservationOf(template));
            if (malformed.isPresent()) {
                problems.add("Route '" + template + "' " + malformed.get());
                continue;
            }
            RoutePattern pattern = RoutePattern.route(template);
            if (accepted.containsKey(template)) {
                problems.add("Route '" + template + "' is registered twice: register each path once");
                continue;
            }
            accepted.entrySet().stream().filter(other -> other.getValue().clashesWith(pattern)).findFirst()
                    .ifPresent(other -> problems.add("Route '" + template + "' is ambiguous with route '" + other.getKey()
                            + "': both match the same paths; merge them or add a literal segment"));
            extension.annotatedPaths().stream().filter(path -> RoutePattern.route(path).clashesWith(pattern)).findFirst()
                    .ifPresent(path -> problems.add("Route '" + template + "' is already served by an annotated endpoint at '"
                            + path + "': remove one of them"));
            accepted.put(template, pattern);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Hauyna cannot deploy the application's routes:\n  - " + String.join("\n  - ", problems));
        }
        List<ServerEndpointConfig> built = new ArrayList<>();
        for (Routes.Route route : routes) {
            built.add(endpointConfig(route.template(), route.handler()));
        }
        return built;
    }

    private ServerEndpointConfig endpointConfig(String template, RouteHandler handler) {
        handlers.put(template, handler);
        knownRoutes.add(template);
        return ServerEndpointConfig.Builder.create(RouteEndpoint.class, template)
                .subprotocols(List.of(HauynaConfigurator.SUBPROTOCOL))
                .configurator(new RouteConfigurator(handler))
                .build();
    }
}
