package io.hauyna.jakarta.internal.ops;

import io.hauyna.jakarta.internal.HauynaScheduler;
import io.hauyna.jakarta.internal.connection.GracefulShutdown;
import io.hauyna.jakarta.internal.metrics.HauynaMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts the application's {@link HauynaMXBean} into the platform MBean server while it runs, and
 * takes it out when it stops: the server would otherwise keep the application's classes alive.
 */
@ApplicationScoped
public class JmxRegistration {

    private static final Logger LOG = Logger.getLogger(JmxRegistration.class.getName());
    /** Two live applications of the same name (two Weld SE containers in one JVM) get numbered names. */
    private static final int MAX_INSTANCES = 100;

    @Inject
    StatsCollector stats;

    @Inject
    HauynaScheduler scheduler;

    @Inject
    GracefulShutdown shutdown;

    @Inject
    HauynaMetrics metrics;

    private ObjectName registered;

    /** @param application the application's name, as the cluster uses it: its context path without the slash ({@code root} for "/") */
    public synchronized void register(String application) {
        if (registered != null) {
            return;
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        HauynaMXBeanImpl bean = new HauynaMXBeanImpl(stats, scheduler, shutdown, metrics);
        try {
            for (int instance = 1; instance <= MAX_INSTANCES && registered == null; instance++) {
                ObjectName name = nameOf(application, instance);
                try {
                    server.registerMBean(bean, name);
                    registered = name;
                } catch (InstanceAlreadyExistsException taken) {
                    LOG.fine(() -> name + " is taken; trying the next instance number");
                }
            }
        } catch (JMException | SecurityException e) {
            LOG.log(Level.WARNING, "Hauyna's statistics are not in JMX (they still are in the HauynaStats bean): " + e, e);
            return;
        }
        if (registered == null) {
            LOG.warning(() -> "Hauyna's statistics are not in JMX: " + MAX_INSTANCES + " applications named '" + application + "' hold it");
        } else {
            LOG.fine(() -> "Hauyna's statistics are in JMX as " + registered);
        }
    }

    static ObjectName nameOf(String application, int instance) throws JMException {
        return new ObjectName("io.hauyna:type=Hauyna,app=" + ObjectName.quote(application) + (instance == 1 ? "" : ",instance=" + instance));
    }

    /** @return the name it was registered under, or {@code null} when it is not registered */
    public synchronized ObjectName registeredName() {
        return registered;
    }

    @PreDestroy
    synchronized void unregister() {
        if (registered == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(registered);
        } catch (JMException | SecurityException e) {
            LOG.log(Level.FINE, "Could not unregister " + registered, e);
        }
        registered = null;
    }
}
