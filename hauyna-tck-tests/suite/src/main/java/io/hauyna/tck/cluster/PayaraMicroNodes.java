package io.hauyna.tck.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Payara Micro instances that form one Payara data grid over TCP-IP on loopback; Hauyna uses
 * Payara's own member ({@code hauyna.cluster.mode=payara}), and the WAR carries no Hazelcast.
 */
final class PayaraMicroNodes extends ServerNodes {

    private static final int FIRST_HTTP_PORT = 18180;
    private static final int FIRST_GRID_PORT = 16900;

    private final Path payaraMicroJar;
    private final String java;

    PayaraMicroNodes(Path payaraMicroJar, String java) {
        this.payaraMicroJar = payaraMicroJar;
        this.java = java;
    }

    @Override
    boolean bundlesHazelcast() {
        return false;
    }

    @Override
    Map<String, String> clusterSettings(int node, int count) {
        return Map.of("hauyna.cluster.mode", "payara");
    }

    @Override
    List<String> command(int node, List<Path> wars, Map<String, String> settings) throws IOException {
        String members = IntStream.range(0, 2).mapToObj(i -> "127.0.0.1:" + (FIRST_GRID_PORT + i)).collect(Collectors.joining(","));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", payaraMicroJar.toString(),
                "--port", Integer.toString(httpPort(node)),
                "--clustername", "hauyna-tck-cluster",
                "--clustermode", "tcpip:" + members,
                "--startport", Integer.toString(FIRST_GRID_PORT + node),
                "--interfaces", "127.0.0.1",
                "--nohostaware",
                "--unpackdir", runtimeDirectory(node).toString()));
        wars.forEach(war -> command.addAll(List.of("--deploy", war.toAbsolutePath().toString())));
        return command;
    }

    /**
     * A fresh runtime directory per version and node: two versions unpacked into one directory mix
     * their jars, and Payara Micro deploys again on boot what an earlier run left there.
     */
    private Path runtimeDirectory(int node) throws IOException {
        Path directory = Path.of("target", "cluster-nodes", payaraMicroJar.getFileName().toString().replace(".jar", "") + "-node-" + node)
                .toAbsolutePath();
        deleteRecursively(directory);
        return Files.createDirectories(directory);
    }

    @Override
    boolean ready(int node, int wars, Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8).contains(" ready in ");
    }

    @Override
    int httpPort(int node) {
        return FIRST_HTTP_PORT + node;
    }
}
