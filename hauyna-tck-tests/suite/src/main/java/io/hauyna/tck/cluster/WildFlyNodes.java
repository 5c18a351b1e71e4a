package io.hauyna.tck.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * WildFly servers sharing one installation, each with its own copy of {@code standalone/} and its own
 * port offset; Hauyna runs an embedded Hazelcast member in each, joined over TCP-IP on loopback.
 */
final class WildFlyNodes extends ServerNodes {

    private static final int FIRST_PORT_OFFSET = 300;
    private static final int FIRST_MEMBER_PORT = 15801;

    private final Path home;

    WildFlyNodes(Path home) {
        this.home = home;
    }

    @Override
    boolean bundlesHazelcast() {
        return true;
    }

    @Override
    Map<String, String> clusterSettings(int node, int count) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < count; i++) {
            members.append(i == 0 ? "" : ",").append("127.0.0.1:").append(FIRST_MEMBER_PORT + i);
        }
        return Map.of("hauyna.cluster.mode", "embedded", "hauyna.cluster.members", members.toString(),
                "hauyna.cluster.port", Integer.toString(FIRST_MEMBER_PORT + node));
    }

    @Override
    List<String> command(int node, List<Path> wars, Map<String, String> settings) throws IOException {
        Path base = baseDirectory(node);
        copy(home.resolve("standalone"), base);
        for (Path war : wars) {
            Files.copy(war, base.resolve("deployments").resolve(war.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve("standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base.toAbsolutePath(),
                "-Djboss.socket.binding.port-offset=" + (FIRST_PORT_OFFSET + 100 * node)));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        return command;
    }

    @Override
    boolean ready(int node, int wars, Path log) {
        Path deployments = baseDirectory(node).resolve("deployments");
        try (Stream<Path> files = Files.list(deployments)) {
            List<String> names = files.map(file -> file.getFileName().toString()).toList();
            if (names.stream().anyMatch(name -> name.endsWith(".failed"))) {
                throw new IllegalStateException("The deployment failed on node " + node + "; see " + log);
            }
            return names.stream().filter(name -> name.endsWith(".war.deployed")).count() == wars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    int httpPort(int node) {
        return 8080 + FIRST_PORT_OFFSET + 100 * node;
    }

    private static Path baseDirectory(int node) {
        return Path.of("target", "cluster-nodes", "wildfly-" + node).toAbsolutePath();
    }

    private static void copy(Path from, Path to) throws IOException {
        deleteRecursively(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String relative = from.relativize(file).toString();
                // Only the configuration: what another node deployed, wrote or logged stays with it.
                if (Stream.of("deployments/", "data/", "tmp/", "log/").anyMatch(relative::startsWith)) {
                    continue;
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
