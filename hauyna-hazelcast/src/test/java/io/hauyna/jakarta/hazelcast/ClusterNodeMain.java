package io.hauyna.jakarta.hazelcast;

import io.hauyna.jakarta.testing.HauynaRoutesApplication;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import org.glassfish.tyrus.server.Server;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One node of a test cluster, in its own JVM: Weld SE discovers Hauyna and this module exactly as a
 * server would, and Tyrus serves {@code /protocol} and {@link ControlEndpoint /control} on the port
 * given as the first argument.
 * Configuration comes as system properties. It prints {@code READY} when it serves, and stops
 * gracefully when its standard input says {@code stop} or ends.
 */
public final class ClusterNodeMain {

    private ClusterNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        WeldContainer container = new Weld("cluster-node-" + port).addBeanClass(ProtocolEndpoint.class).addBeanClass(PresenceLog.class).initialize();
        Server server = new Server("localhost", port, "/", Map.of(), ProtocolEndpoint.class, ControlEndpoint.class,
                HauynaRoutesApplication.class);
        server.start();
        System.out.println("READY");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String command;
        do {
            command = commands.readLine();
        } while (command != null && !command.equals("stop"));
        server.stop();
        container.shutdown();
        long hazelcastThreads = Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith("hz.")).count();
        System.out.println("STOPPED, Hazelcast threads left: " + hazelcastThreads);
        System.exit(0);
    }
}
