package io.hauyna.jakarta;

import io.hauyna.jakarta.internal.route.RouteDeployment;
import io.hauyna.jakarta.spi.ForRoutes;
import io.hauyna.jakarta.spi.HandshakeContext;
import io.hauyna.jakarta.spi.HandshakeDecision;
import io.hauyna.jakarta.spi.HandshakeFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad routes and bad route patterns fail the deployment, every problem named together. */
class RouteValidationTest {

    @Dependent
    @ServerEndpoint(value = "/taken/{x}", configurator = HauynaConfigurator.class)
    public static class TakenEndpoint {
        @OnOpen
        public void open(Session session) {
        }

        @OnClose
        public void close(Session session) {
        }
    }

    @ApplicationScoped
    public static class BadRoutes {
        void register(@Observes Routes routes) {
            RouteHandler nothing = new RouteHandler() {
            };
            routes.add("/chat/{room}", nothing)
                    .add("/chat/{room}", nothing)
                    .add("/chat/{id}", nothing)
                    .add("chat", nothing)
                    .add("/files/{}", nothing)
                    .add("/a//b", nothing)
                    .add("/taken/{y}", nothing)
                    .add("/hauyna/{room}", nothing)
                    .add("/fine/{room}/messages", nothing)
                    .add("/hauynas", nothing);
        }
    }

    @ApplicationScoped
    public static class GoodRoutes {
        void register(@Observes Routes routes) {
            routes.add("/chat/{room}", new RouteHandler() {
            }).add("/chat/lobby", new RouteHandler() {
            });
        }
    }

    @ApplicationScoped
    @ForRoutes({"/ok/*", "admin/*", "/x/*/y"})
    public static class BadlyScopedFilter implements HandshakeFilter {
        @Override
        public HandshakeDecision filter(HandshakeContext context) {
            return HandshakeDecision.proceed();
        }
    }

    @Test
    void everyRouteProblemIsReportedAtOnceNamingItsRoute() {
        try (WeldContainer container = new Weld("bad-routes").addBeanClasses(TakenEndpoint.class, BadRoutes.class).initialize()) {
            RouteDeployment deployment = container.select(RouteDeployment.class).get();

            assertThatThrownBy(deployment::endpointConfigs)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Route '/chat/{room}' is registered twice: register each path once")
                    .hasMessageContaining("Route '/chat/{id}' is ambiguous with route '/chat/{room}'")
                    .hasMessageContaining("Route 'chat' must start with '/'")
                    .hasMessageContaining("Route '/files/{}' has a malformed variable '{}'")
                    .hasMessageContaining("Route '/a//b' has an empty segment")
                    .hasMessageContaining("Route '/taken/{y}' is already served by an annotated endpoint at '/taken/{x}'")
                    .hasMessageContaining("Route '/hauyna/{room}' is under /hauyna/, where Hauyna serves hauyna.js from its jar")
                    .hasMessageContaining("map it elsewhere, e.g. '/ws/{room}'")
                    .hasMessageNotContaining("/fine/{room}/messages")
                    .hasMessageNotContaining("'/hauynas'");
        }
    }

    @Test
    void aLiteralRouteNextToAVariableOneIsFine() {
        try (WeldContainer container = new Weld("good-routes").addBeanClasses(GoodRoutes.class).initialize()) {
            assertThat(container.select(RouteDeployment.class).get().endpointConfigs())
                    .extracting(config -> config.getPath()).containsExactly("/chat/{room}", "/chat/lobby");
        }
    }

    @Test
    void badForRoutesPatternsFailTheDeployment() {
        Weld weld = new Weld("bad-patterns").addBeanClasses(BadlyScopedFilter.class);

        assertThatThrownBy(weld::initialize)
                .hasMessageContaining("@ForRoutes pattern 'admin/*' on " + BadlyScopedFilter.class.getName() + " must start with '/'")
                .hasMessageContaining("@ForRoutes pattern '/x/*/y' on " + BadlyScopedFilter.class.getName()
                        + " has a segment '*' with characters a URI path cannot hold ('*' is allowed only as a final '/*' in filter patterns)");
    }
}
