package io.hauyna.tck.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Several instances of one server on this machine, each its own operating-system process with the
 * same WAR deployed, started and killed by the test itself (Arquillian manages one container per
 * server; a cluster needs several). Each node's output goes to {@code target/cluster-nodes/}.
 */
abstract class ServerNodes implements AutoCloseable {

    private static final Duration START = Duration.ofMinutes(3);

    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    /** @return the launcher the server module named in {@code tck.cluster.launcher}, or {@code null} when it named none */
    static ServerNodes fromSystemProperties() {
        String launcher = System.getProperty("tck.cluster.launcher", "");
        return switch (launcher) {
            case "payara-micro" -> new PayaraMicroNodes(Path.of(System.getProperty("tck.cluster.payaraMicroJar")),
                    System.getProperty("tck.cluster.java", Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            case "wildfly" -> new WildFlyNodes(Path.of(System.getProperty("tck.cluster.wildflyHome")));
            case "" -> null;
            default -> throw new IllegalArgumentException("Unknown tck.cluster.launcher '" + launcher + "': use payara-micro or wildfly");
        };
    }

    /** @return whether the WAR must carry its own Hazelcast (no server here provides one) */
    abstract boolean bundlesHazelcast();

    /** @return Hauyna settings (as system properties) that put node {@code node} of {@code count} into one cluster */
    abstract Map<String, String> clusterSettings(int node, int count);

    /** @return the command that starts node {@code node} with the WARs deployed and the settings as system properties */
    abstract List<String> command(int node, List<Path> wars, Map<String, String> settings) throws IOException;

    /** @return whether node {@code node} serves all {@code wars} WARs, judged from its log and files */
    abstract boolean ready(int node, int wars, Path log) throws IOException;

    abstract int httpPort(int node);

    /** Starts {@code count} nodes at once and waits until each serves the WARs. */
    void start(int count, List<Path> wars, Map<String, String> settings) throws IOException {
        Path directory = Path.of("target", "cluster-nodes");
        Files.createDirectories(directory);
        for (int node = 0; node < count; node++) {
            Path log = directory.resolve(getClass().getSimpleName() + "-" + node + ".log");
            Files.deleteIfExists(log);
            Map<String, String> all = new java.util.LinkedHashMap<>(clusterSettings(node, count));
            all.putAll(settings);
            processes.add(new ProcessBuilder(command(node, wars, all)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start());
            logs.add(log);
        }
        for (int node = 0; node < count; node++) {
            int index = node;
            await("node " + node + " serving (see " + logs.get(node) + ")").atMost(START).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!processes.get(index).isAlive()) {
                            throw new IllegalStateException("node " + index + " exited; see " + logs.get(index));
                        }
                        return ready(index, wars.size(), logs.get(index));
                    });
        }
    }

    /** Deletes a directory and everything in it, if it exists. */
    static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    URI uri(int node, String pathAndQuery) {
        return URI.create("ws://localhost:" + httpPort(node) + pathAndQuery);
    }

    /** @return a page of node {@code node}, e.g. {@code page(0, "/chat.html")} */
    String page(int node, String path) {
        return "http://localhost:" + httpPort(node) + path;
    }

    /** @return how many lines of the node's log contain {@code text} */
    long logLines(int node, String text) throws IOException {
        return Files.readString(logs.get(node), StandardCharsets.UTF_8).lines().filter(line -> line.contains(text)).count();
    }

    /** @return how many other nodes this node has logged as joined ("Hauyna cluster: node ... joined") */
    long joinsLogged(int node) throws IOException {
        return Files.readString(logs.get(node), StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("Hauyna cluster: node ") && line.contains(" joined")).count();
    }

    /** SIGKILL to the node's processes (a launcher script and its JVM). */
    void kill(int node) throws InterruptedException {
        Process process = processes.get(node);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }
}
