package io.hauyna.jakarta.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Hazelcast instance the backplane uses, where it came from, and whether the application owns
 * it (an embedded member is shut down with the application; Payara's member is not).
 */
record Grid(HazelcastInstance instance, String origin, boolean owned) {

    private static final Logger LOG = Logger.getLogger(Grid.class.getName());

    /** Hazelcast properties an embedded member gets unless a {@code -Dhazelcast.*} system property says otherwise. */
    private static final String[][] EMBEDDED_PROPERTIES = {
            {"hazelcast.logging.type", "jdk"},
            {"hazelcast.phone.home.enabled", "false"},
            // The member belongs to the application, which stops it; a JVM hook would outlive an undeploy.
            {"hazelcast.shutdownhook.enabled", "false"},
            // Seconds, not the default minute: a hung member stops taking frames sooner. Hauyna's own
            // node heartbeat, not this, bounds how long a dead node's users stay visible.
            {"hazelcast.heartbeat.interval.seconds", "1"},
            {"hazelcast.max.no.heartbeat.seconds", "10"},
            // Join at once: members are listed, so there is nothing to wait for.
            {"hazelcast.wait.seconds.before.join", "0"},
            // Look for a split brain to heal every 5 s instead of every 5 min.
            {"hazelcast.merge.first.run.delay.seconds", "5"},
            {"hazelcast.merge.next.run.delay.seconds", "5"},
    };

    static Grid open(HazelcastSettings settings) {
        return switch (settings.mode()) {
            case PAYARA -> payaras().orElseThrow(() -> new IllegalStateException("hauyna.cluster.mode=payara, but JNDI "
                    + HazelcastClusterKeys.PAYARA_JNDI_NAME + " is not bound: enable Payara's data grid (it is on by default), or set "
                    + HazelcastClusterKeys.MODE + "=embedded"));
            case EMBEDDED -> embedded(settings);
            case CLIENT -> client(settings);
            case AUTO -> payaras().orElseGet(() -> embedded(settings));
        };
    }

    /** @return whether the instance is a client, which is no member and has no address of its own */
    boolean client() {
        return "client".equals(origin);
    }

    /** Stops the instance if the application owns it; Payara's member keeps running for the server. */
    void release() {
        if (owned) {
            instance.shutdown();
        }
    }

    private static Optional<Grid> payaras() {
        try {
            Object bound = new InitialContext().lookup(HazelcastClusterKeys.PAYARA_JNDI_NAME);
            if (bound instanceof HazelcastInstance instance) {
                return Optional.of(new Grid(instance, "Payara's member", false));
            }
            LOG.warning(() -> "Hauyna cluster: JNDI " + HazelcastClusterKeys.PAYARA_JNDI_NAME + " holds a " + bound.getClass().getName()
                    + ", not a HazelcastInstance of this class loader; do not bundle Hazelcast in the WAR on Payara"
                    + " (declare com.hazelcast:hazelcast with <scope>provided</scope>)");
            return Optional.empty();
        } catch (NamingException | RuntimeException notPayara) {
            LOG.log(Level.FINE, "No Payara Hazelcast member in JNDI", notPayara);
            return Optional.empty();
        }
    }

    private static Grid client(HazelcastSettings settings) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(settings.clusterName());
        for (String[] property : new String[][]{{"hazelcast.logging.type", "jdk"}, {"hazelcast.phone.home.enabled", "false"},
                {"hazelcast.client.shutdownhook.enabled", "false"}}) {
            if (System.getProperty(property[0]) == null) {
                config.setProperty(property[0], property[1]);
            }
        }
        config.getNetworkConfig().setAddresses(settings.members());
        return new Grid(HazelcastClient.newHazelcastClient(config), "client", true);
    }

    private static Grid embedded(HazelcastSettings settings) {
        Config config = new Config();
        config.setClusterName(settings.clusterName());
        for (String[] property : EMBEDDED_PROPERTIES) {
            if (System.getProperty(property[0]) == null) {
                config.setProperty(property[0], property[1]);
            }
        }
        if (System.getProperty("hazelcast.graceful.shutdown.max.wait") == null) {
            config.setProperty("hazelcast.graceful.shutdown.max.wait", Integer.toString(settings.shutdownTimeoutSeconds()));
        }
        NetworkConfig network = config.getNetworkConfig().setPort(settings.port()).setPortAutoIncrement(true);
        settings.networkInterface().ifPresent(address -> network.getInterfaces().setEnabled(true).addInterface(address));
        JoinConfig join = network.getJoin();
        join.getAutoDetectionConfig().setEnabled(false);
        join.getMulticastConfig().setEnabled(settings.multicast());
        join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
        HazelcastInstance instance = Hazelcast.newHazelcastInstance(config);
        return new Grid(instance, "embedded member", true);
    }
}
