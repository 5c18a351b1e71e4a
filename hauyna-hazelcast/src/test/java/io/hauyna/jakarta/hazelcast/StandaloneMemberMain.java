package io.hauyna.jakarta.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A Hazelcast member with no application, in its own JVM, as an operator would run one: the cluster
 * that {@code hauyna.cluster.mode=client} nodes connect to. Listens on 127.0.0.1 at the port given
 * as the first argument; prints {@code READY}; stops when its standard input ends.
 */
public final class StandaloneMemberMain {

    private StandaloneMemberMain() {
    }

    public static void main(String[] args) throws Exception {
        Config config = new Config();
        config.setClusterName(HazelcastClusterKeys.DEFAULT_HAZELCAST_CLUSTER_NAME);
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setPort(Integer.parseInt(args[0])).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        System.out.println("READY");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (commands.readLine() != null) {
            // until stdin ends
        }
        member.shutdown();
    }
}
