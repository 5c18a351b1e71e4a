package io.hauyna.bench.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Payara Micro: one JVM, the WAR passed on the command line. Alone, with Payara's data grid off; as a
 * cluster node, in one Payara data grid over TCP-IP on loopback, whose member Hauyna uses.
 */
final class PayaraMicroLauncher extends ServerLauncher {

    /** The grid's member ports, one per node; clear of the TCK's cluster (16900) and Hazelcast's default (5701). */
    private static final int FIRST_GRID_PORT = 17900;

    private final Path jar;

    PayaraMicroLauncher(Path jar) {
        super(ServerChoice.nameOf(jar), true);
        this.jar = jar;
    }

    @Override
    ProcessBuilder command(Path war, Map<String, String> properties, List<String> jvmOptions, Placement placement) {
        List<String> command = new ArrayList<>(List.of(javaCommand()));
        command.addAll(jvmOptions);
        command.addAll(systemProperties(properties));
        command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(placement.httpPort())));
        if (placement.clustered()) {
            String members = IntStream.range(0, Placement.MAX_NODES).mapToObj(i -> "127.0.0.1:" + (FIRST_GRID_PORT + i))
                    .collect(Collectors.joining(","));
            command.addAll(List.of("--clustername", "hauyna-bench", "--clustermode", "tcpip:" + members,
                    "--startport", Integer.toString(FIRST_GRID_PORT + placement.index()), "--interfaces", "127.0.0.1",
                    "--nohostaware"));
        } else {
            command.add("--nocluster");
        }
        command.addAll(List.of("--deploy", war.toString()));
        return new ProcessBuilder(command);
    }

    @Override
    public boolean clusters() {
        return true;
    }

    /** Payara's member is visible to the WAR: {@code hauyna-hazelcast} uses it, and the WAR carries no Hazelcast. */
    @Override
    public boolean bundlesHazelcast() {
        return false;
    }

    @Override
    Map<String, String> clusterSettings(Placement placement) {
        return Map.of("hauyna.cluster.mode", "payara");
    }
}
