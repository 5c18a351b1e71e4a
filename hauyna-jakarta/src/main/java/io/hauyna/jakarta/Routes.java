package io.hauyna.jakarta;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Programmatic routes: observe this event when the application starts and add routes to it.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class ChatRoutes {
 *     @Inject HauynaProtocol protocol;
 *     @Inject Channels channels;
 *
 *     void register(@Observes Routes routes) {
 *         routes.add("/chat/{room}", new RouteHandler() {
 *             public void onOpen(Connection c) { channels.subscribe("room:" + c.pathParameters().get("room"), c, Map.of()); }
 *             public void onMessage(Connection c, String text) { protocol.handle(c.session(), text); }
 *         });
 *     }
 * }
 * }</pre>
 *
 * <p>Hauyna fires it once, while the web application starts (from a servlet context listener in
 * the jar's {@code web-fragment.xml}), and deploys every route through the standard
 * {@code jakarta.websocket.server.ServerContainer}, so routes work on every server and pass
 * through the same handshake checks, limits and registries as annotated endpoints. Each route
 * selects the {@code hauyna} subprotocol when the client offers it. Routes added after the event
 * are not deployed.
 *
 * <p>A template is a path inside the application: {@code /} then segments, where {@code {name}}
 * is a path parameter matching one segment. A template that is malformed, registered twice,
 * ambiguous with another route (e.g. {@code /chat/{room}} and {@code /chat/{id}}), or already
 * taken by an annotated Hauyna endpoint fails the deployment; every problem is reported together,
 * each naming its route.
 *
 * @since 0.1
 */
public final class Routes {

    private final List<Route> routes = new ArrayList<>();

    /**
     * One registered route.
     *
     * @param template the path template, e.g. {@code /chat/{room}}
     * @param handler  its callbacks
     */
    public record Route(String template, RouteHandler handler) {
    }

    /**
     * Adds a route. Problems are reported when the event returns, all together.
     *
     * @param template the path template, e.g. {@code /chat/{room}}
     * @param handler  the callbacks; not {@code null}
     * @return this, to chain calls
     */
    public Routes add(String template, RouteHandler handler) {
        routes.add(new Route(template, Objects.requireNonNull(handler, () -> "handler of route " + template)));
        return this;
    }

    /** @return the routes added so far, in order; empty when none */
    public List<Route> routes() {
        return Collections.unmodifiableList(routes);
    }
}
