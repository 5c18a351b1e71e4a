package io.hauyna.tck.ops;

import io.hauyna.jakarta.ClientEvent;
import io.hauyna.jakarta.HauynaEvent;
import io.hauyna.jakarta.HauynaStats;
import io.hauyna.jakarta.StatsSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Answers a {@code stats} event with the figures of {@link HauynaStats} and those the server's
 * platform MBean server holds under {@code io.hauyna}, so that a black-box test sees both.
 */
@ApplicationScoped
public class StatsProbe {

    @Inject
    HauynaStats stats;

    void stats(@Observes @HauynaEvent("stats") ClientEvent event) throws JMException {
        StatsSnapshot now = stats.snapshot();
        Map<String, Object> figures = new TreeMap<>();
        figures.put("activeConnections", now.activeConnections());
        figures.put("connectionsOpened", now.connectionsOpened());
        figures.put("connectionsClosedByCode", now.connectionsClosedByCode());
        figures.put("framesReceived", now.framesReceived());
        figures.put("deliveries", now.deliveries());
        figures.put("channels", now.channels());
        figures.put("subscriptions", now.subscriptions());
        figures.put("publishCount", now.publishDurations().count());
        figures.put("handshakeRefusalsByStatus", now.handshakeRefusalsByStatus());

        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        Map<String, Object> mbeans = new TreeMap<>();
        for (ObjectName name : new TreeSet<>(jmx.queryNames(new ObjectName("io.hauyna:type=Hauyna,*"), null))) {
            Map<String, Object> attributes = new TreeMap<>();
            attributes.put("ActiveConnections", jmx.getAttribute(name, "ActiveConnections"));
            attributes.put("Channels", jmx.getAttribute(name, "Channels"));
            attributes.put("BackgroundExecutor", jmx.getAttribute(name, "BackgroundExecutor"));
            mbeans.put(name.toString(), attributes);
        }
        figures.put("jmx", mbeans);
        event.reply(figures);
    }
}
