package io.hauyna.jakarta.internal;

import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.internal.cluster.ClusterNode;
import io.hauyna.jakarta.internal.config.HauynaSettings;
import io.hauyna.jakarta.internal.ops.ApplicationStarted;
import io.hauyna.jakarta.internal.ops.HealthState;
import io.hauyna.jakarta.internal.ops.JmxRegistration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Starts what must run before the first client connects, once the application has a name: its
 * place in a cluster, its MXBean, the scheduler's tick (for the liveness check), and whatever
 * observes {@link ApplicationStarted} (the optional metrics exporters). The name is the context path (without the slash; {@code root}
 * for "/"), or {@code hauyna} outside a servlet container (Weld SE).
 *
 * <p>The CDI start event carries the {@code ServletContext} on most servers; where it does not
 * (Payara), {@link io.hauyna.jakarta.internal.route.HauynaRoutesListener} calls
 * {@link #webApplicationStarted} as the web application starts.
 */
@ApplicationScoped
public class ApplicationStart {

    @Inject
    ClusterNode cluster;

    @Inject
    HauynaSettings settings;

    @Inject
    JmxRegistration jmx;

    @Inject
    BeanManager beans;

    @Inject
    HauynaScheduler scheduler;

    @Inject
    HealthState health;

    @Inject
    Event<ApplicationStarted> events;

    /** Guarded by {@code this}. */
    private boolean started;

    void applicationStarted(@Observes @Initialized(ApplicationScoped.class) Object application) {
        Optional<String> contextPath = WebApplication.contextPath(application, beans);
        if (contextPath != null) {
            start(contextPath.map(ApplicationStart::nameOf).orElse("hauyna"));
        }
    }

    /** Called by the servlet listener when the web application starts; does nothing if it has already started. */
    public void webApplicationStarted(String contextPath) {
        start(nameOf(contextPath));
    }

    private static String nameOf(String contextPath) {
        return contextPath.isEmpty() ? "root" : contextPath.substring(1).replace('/', '-');
    }

    private synchronized void start(String name) {
        if (started) {
            return;
        }
        started = true;
        // First, on this thread of the application: the executor's lookup needs its java:comp.
        scheduler.choose();
        if (cluster.joinsOthers() && !cluster.sharesHistory() && !settings.historyPolicy().isEmpty()) {
            // Offsets made by each node alone would disagree: a cluster needs them from the grid. Before joining it.
            throw new IllegalStateException(HauynaConfigKeys.HISTORY_CHANNELS + " needs a history shared by every node, and this "
                    + "application's backplane (" + cluster.describeBackplane() + ") keeps none: remove "
                    + HauynaConfigKeys.HISTORY_CHANNELS + ", run one node, or use a backplane with a shared history (hauyna-hazelcast has one)");
        }
        cluster.start(name);
        jmx.register(name);
        scheduler.startTicking();
        health.started(name);
        events.fire(new ApplicationStarted(name));
    }

    /** Where the context path comes from; kept apart because the servlet API may be absent (Weld SE). */
    static final class WebApplication {
        private WebApplication() {
        }

        /**
         * @return the context path from the start event's payload; empty outside a servlet container;
         *         {@code null} in one whose start event does not carry it (the servlet listener will)
         */
        static Optional<String> contextPath(Object applicationInitialized, BeanManager beans) {
            try {
                if (applicationInitialized instanceof jakarta.servlet.ServletContext context) {
                    return Optional.of(context.getContextPath());
                }
                // Only a servlet container has a ServletContext bean; resolving it needs no request.
                return beans.createInstance().select(jakarta.servlet.ServletContext.class).isResolvable() ? null : Optional.empty();
            } catch (LinkageError noServletApi) {
                return Optional.empty();
            }
        }
    }
}
