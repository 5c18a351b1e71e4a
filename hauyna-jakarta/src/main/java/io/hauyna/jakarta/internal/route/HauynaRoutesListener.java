package io.hauyna.jakarta.internal.route;

import io.hauyna.jakarta.internal.ApplicationStart;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;

import java.util.logging.Logger;

/**
 * Deploys the application's {@link io.hauyna.jakarta.Routes} while the web application starts,
 * the moment the WebSocket specification allows it, and starts this node's place in a cluster
 * where the CDI start event could not (it needs the context path). Declared in the jar's {@code web-fragment.xml};
 * a problem with the routes fails the deployment.
 */
public class HauynaRoutesListener implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(HauynaRoutesListener.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        CDI.current().select(ApplicationStart.class).get().webApplicationStarted(event.getServletContext().getContextPath());
        RouteDeployment deployment = CDI.current().select(RouteDeployment.class).get();
        Object container = event.getServletContext().getAttribute(ServerContainer.class.getName());
        if (!(container instanceof ServerContainer serverContainer)) {
            if (!deployment.endpointConfigs().isEmpty()) {
                throw new IllegalStateException("Hauyna cannot deploy routes: the server has no WebSocket container for "
                        + event.getServletContext().getContextPath() + " (enable its WebSocket feature)");
            }
            LOG.fine("No WebSocket container; no programmatic routes to deploy");
            return;
        }
        try {
            deployment.deployTo(serverContainer);
        } catch (DeploymentException e) {
            throw new IllegalStateException("Hauyna cannot deploy the application's routes: " + e.getMessage(), e);
        }
    }
}
