package io.hauyna.jakarta.hazelcast;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
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
 * A cluster node in its own operating-system process ({@link ClusterNodeMain}), so that a test can
 * kill it with SIGKILL or freeze it with SIGSTOP for real. Its output goes to
 * {@code target/cluster-nodes/<name>.log}.
 */
final class NodeProcess implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(90);

    private final String name;
    private final int port;
    private final Path log;
    private final Class<?> main;
    private Process process;

    private NodeProcess(String name, int port, Path log, Class<?> main) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.main = main;
    }

    /**
     * Starts a node and waits until it serves.
     *
     * @param config Hauyna and Hazelcast keys, passed as system properties
     */
    static NodeProcess start(String name, Map<String, String> config) {
        try {
            return launched(name, name, config);
        } catch (RuntimeException notReady) {
            // Once in a CI run a node joined the grid and then never served (its log was lost; the next
            // time its threads are in it). Another try, with its first log kept beside the second.
            System.out.println("Node " + name + " did not start: " + notReady.getMessage() + "; its threads are in its log; trying once more");
            return launched(name, name + "-retry", config);
        }
    }

    private static NodeProcess launched(String name, String logName, Map<String, String> config) {
        NodeProcess node = new NodeProcess(name, freePort(), Path.of("target", "cluster-nodes", logName + ".log"), ClusterNodeMain.class);
        node.launch(config);
        return node;
    }

    /** Starts a {@link StandaloneMemberMain} on a given port and waits until it runs. */
    static NodeProcess standaloneMember(String name, int port) {
        NodeProcess member = new NodeProcess(name, port, Path.of("target", "cluster-nodes", name + ".log"), StandaloneMemberMain.class);
        member.launch(Map.of());
        return member;
    }

    private void launch(Map<String, String> config) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                // What Hazelcast asks for on Java 9+; without them it only warns.
                "--add-modules", "java.se", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens", "java.management/sun.management=ALL-UNNAMED",
                "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
                "-Djava.util.logging.config.file=" + Path.of("target", "test-classes", "logging.properties").toAbsolutePath()));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName(), Integer.toString(port)));
        try {
            Files.createDirectories(log.getParent());
            if (process == null) {
                Files.deleteIfExists(log);
            }
            long readyBefore = occurrences("READY");
            // Appended to, so that a restarted node's log follows its first life.
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            try {
                awaitLog("READY", (int) readyBefore + 1, START);
            } catch (RuntimeException notReady) {
                // Its threads into its log, for the reason; then it goes, rather than stay a member of later tests' grids.
                new ProcessBuilder("jcmd", Long.toString(process.pid()), "Thread.print").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start().waitFor(30, TimeUnit.SECONDS);
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw notReady;
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not start node " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting node " + name, e);
        }
    }

    /** Starts the node again, on the same port with the same configuration, after {@link #kill()} or {@link #stop()}. */
    void restart(Map<String, String> config) {
        launch(config);
    }

    String name() {
        return name;
    }

    URI uri(String pathAndQuery) {
        return URI.create("ws://localhost:" + port + pathAndQuery);
    }

    /** Waits until the node's output contains {@code text} at least {@code times} times. */
    void awaitLog(String text, int times, Duration within) {
        await("node " + name + " to log '" + text + "' " + times + " times (see " + log + ")").atMost(within)
                .pollInterval(Duration.ofMillis(100)).until(() -> occurrences(text) >= times);
    }

    void awaitLog(String text, Duration within) {
        awaitLog(text, 1, within);
    }

    /** @return how often the node's output contains {@code text} */
    long occurrences(String text) {
        if (!Files.exists(log)) {
            return 0;
        }
        try {
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return output.lines().filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** SIGKILL: the process ends at once, saying nothing to anyone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGSTOP: the process stays, with its sockets open, but does nothing. */
    void freeze() {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze()}. */
    void thaw() {
        signal("CONT");
    }

    /** Stops the node as an undeploy would, and waits until it has ended. */
    void stop() throws IOException, InterruptedException {
        if (process.isAlive()) {
            OutputStream stdin = process.getOutputStream();
            stdin.write("stop\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Node " + name + " did not stop within 60 s");
            }
        }
    }

    private void signal(String signal) {
        try {
            int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            thaw();
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
