package io.hauyna.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The bench WAR made clustered, as an application developer does it: the same WAR with
 * {@code hauyna-hazelcast} in {@code WEB-INF/lib}, and Hazelcast itself where the server lends none.
 * The build copies both jars into the folder named by {@code bench.cluster.libs}.
 */
public final class ClusterWar {

    static final String HAUYNA_HAZELCAST = "hauyna-hazelcast.jar";
    static final String HAZELCAST = "hazelcast.jar";

    private ClusterWar() {
    }

    /**
     * @return {@code bench.war} (the file name is the context root) in a folder of its own beside
     *         {@code war}, with the cluster jars that {@code launcher} needs added
     */
    public static Path of(Path war, ServerLauncher launcher) {
        Path libraries = Path.of(System.getProperty("bench.cluster.libs", war.resolveSibling("cluster-libs").toString()));
        Path clustered = war.resolveSibling(launcher.bundlesHazelcast() ? "cluster-embedded" : "cluster-provided").resolve("bench.war");
        try {
            Files.createDirectories(clustered.getParent());
            Files.copy(war, clustered, StandardCopyOption.REPLACE_EXISTING);
            try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + clustered.toUri()), Map.of())) {
                add(zip, libraries.resolve(HAUYNA_HAZELCAST));
                if (launcher.bundlesHazelcast()) {
                    add(zip, libraries.resolve(HAZELCAST));
                }
            }
            return clustered;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the clustered bench WAR from " + war + " and " + libraries, e);
        }
    }

    private static void add(FileSystem war, Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the build copies it (bench-runner's copy-cluster-libs)");
        }
        Files.copy(jar, war.getPath("WEB-INF", "lib", jar.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
    }
}
