package io.hauyna.jakarta;

import jakarta.enterprise.context.Dependent;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A deployment with endpoints Hauyna cannot hook fails, naming every problem at once. */
class DeploymentValidationTest {

    @Dependent
    @ServerEndpoint(value = "/no-close", configurator = HauynaConfigurator.class)
    public static class NoOnCloseEndpoint {
        @OnOpen
        public void open(Session session) {
        }
    }

    @Dependent
    @ServerEndpoint(value = "/no-session", configurator = HauynaConfigurator.class)
    public static class OpenWithoutSessionEndpoint {
        @OnOpen
        public void open() {
        }

        @OnClose
        public void close(Session session) {
        }
    }

    @Dependent
    @ServerEndpoint(value = "/fine", configurator = HauynaConfigurator.class)
    public static class FineEndpoint {
        @OnOpen
        public void open(Session session) {
        }

        @OnClose
        public void close(Session session) {
        }
    }

    /** Where the jar serves hauyna.js: containers redirect an upgrade to it before WebSocket code runs. */
    @Dependent
    @ServerEndpoint(value = "/hauyna", configurator = HauynaConfigurator.class)
    public static class ReservedPathEndpoint {
        @OnOpen
        public void open(Session session) {
        }

        @OnClose
        public void close(Session session) {
        }
    }

    /** Not a Hauyna endpoint: Hauyna leaves it alone. */
    @Dependent
    @ServerEndpoint("/other")
    public static class OtherEndpoint {
    }

    @Test
    void reportsEveryEndpointItCannotHookTogether() {
        Weld weld = new Weld("invalid").addBeanClasses(NoOnCloseEndpoint.class, OpenWithoutSessionEndpoint.class, FineEndpoint.class,
                ReservedPathEndpoint.class);

        assertThatThrownBy(weld::initialize)
                .hasMessageContaining("Endpoint " + NoOnCloseEndpoint.class.getName()
                        + " uses HauynaConfigurator but has no @OnClose method: add one that takes the Session, e.g. @OnClose public void close(Session session) {}")
                .hasMessageContaining("Endpoint method " + OpenWithoutSessionEndpoint.class.getName()
                        + ".open is @OnOpen but does not take the jakarta.websocket.Session")
                .hasMessageContaining("Endpoint " + ReservedPathEndpoint.class.getName() + " at '/hauyna' is under /hauyna/, where Hauyna"
                        + " serves hauyna.js from its jar (containers answer an upgrade to /hauyna with a redirect before any WebSocket code"
                        + " runs): map it elsewhere, e.g. '/ws'")
                .hasMessageNotContaining(FineEndpoint.class.getName());
    }

    @Test
    void leavesOtherEndpointsAlone() {
        try (WeldContainer container = new Weld("valid").addBeanClasses(FineEndpoint.class, OtherEndpoint.class).initialize()) {
            assertThat(container.select(Connections.class).get().count()).isZero();
        }
    }
}
