package io.hauyna.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * WildFly's default standalone configuration, the WAR dropped into its deployment scanner's folder.
 * Alone, in the installation's own {@code standalone/}; a cluster node in a copy of it beside the
 * installation, with its ports shifted by 100 per node and an embedded Hazelcast member in the WAR.
 */
final class WildFlyLauncher extends ServerLauncher {

    private static final int FIRST_MEMBER_PORT = 17801;

    private final Path home;

    WildFlyLauncher(Path home) {
        super(ServerChoice.nameOf(home), false);
        this.home = home;
    }

    @Override
    ProcessBuilder command(Path war, Map<String, String> properties, List<String> jvmOptions, Placement placement)
            throws IOException {
        Path base = placement.clustered() ? nodeBase(placement) : home.resolve("standalone");
        Path deployments = base.resolve("deployments");
        try (var markers = Files.list(deployments)) {
            for (Path marker : markers.filter(p -> p.getFileName().toString().startsWith("bench.war.")).toList()) {
                Files.delete(marker);
            }
        }
        Files.copy(war, deployments.resolve("bench.war"), StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base.toAbsolutePath(),
                "-Djboss.socket.binding.port-offset=" + (placement.httpPort() - 8080)));
        command.addAll(systemProperties(properties));
        ProcessBuilder builder = new ProcessBuilder(command);
        // replaces standalone.conf's 512 MB default heap; the other options are its own
        builder.environment().put("JAVA_OPTS", String.join(" ", jvmOptions)
                + " -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true");
        builder.environment().put("JAVA", javaCommand());
        return builder;
    }

    @Override
    public boolean clusters() {
        return true;
    }

    @Override
    Map<String, String> clusterSettings(Placement placement) {
        String members = IntStream.range(0, Placement.MAX_NODES).mapToObj(i -> "127.0.0.1:" + (FIRST_MEMBER_PORT + i))
                .collect(Collectors.joining(","));
        return Map.of("hauyna.cluster.mode", "embedded", "hauyna.cluster.members", members,
                "hauyna.cluster.port", Integer.toString(FIRST_MEMBER_PORT + placement.index()));
    }

    /**
     * A fresh copy of the installation's {@code standalone/} configuration for one node: what another
     * node or an earlier run deployed, wrote or logged stays out of it.
     */
    private Path nodeBase(Placement placement) throws IOException {
        Path from = home.resolve("standalone");
        Path base = home.resolveSibling(home.getFileName() + "-node-" + placement.index());
        if (Files.exists(base)) {
            try (Stream<Path> old = Files.walk(base)) {
                old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String relative = from.relativize(file).toString();
                if (Stream.of("deployments/", "data", "tmp", "log").anyMatch(relative::startsWith)) {
                    continue;
                }
                Path target = base.resolve(relative);
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return base;
    }
}
