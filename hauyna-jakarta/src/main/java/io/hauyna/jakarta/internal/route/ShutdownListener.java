package io.hauyna.jakarta.internal.route;

import io.hauyna.jakarta.internal.connection.GracefulShutdown;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import java.util.Set;
import java.util.logging.Logger;

/**
 * Starts Hauyna's graceful shutdown ({@link GracefulShutdown}) when the web application stops.
 *
 * <p>Added by {@link Initializer}, not declared in {@code web-fragment.xml}, because of the order in
 * which servers stop listeners: last added, first stopped, and listeners added by initializers
 * come after the declared ones. WildFly (Undertow) closes every WebSocket session with 1001 from
 * its own listener, which stops after the initializers' listeners but before the declared ones;
 * from here Hauyna drains and closes them first. Payara and GlassFish never close them on
 * undeploy; Open Liberty closes them from a listener that stops late.
 */
public class ShutdownListener implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ShutdownListener.class.getName());

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        try {
            CDI.current().select(GracefulShutdown.class).get().drainAndClose();
        } catch (IllegalStateException noContainer) {
            // CDI never started for this application (its deployment failed), or is already gone.
            LOG.fine(() -> "No CDI container to stop Hauyna's connections: " + noContainer.getMessage());
        }
    }

    /** Registered in {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}; adds the listener. */
    public static class Initializer implements ServletContainerInitializer {

        @Override
        public void onStartup(Set<Class<?>> classes, ServletContext context) {
            context.addListener(ShutdownListener.class);
        }
    }
}
