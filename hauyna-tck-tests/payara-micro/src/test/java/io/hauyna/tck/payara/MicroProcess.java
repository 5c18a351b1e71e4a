package io.hauyna.tck.payara;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro JVM with its own root directory and free ports on loopback, started empty:
 * applications arrive later through its autodeploy directory. Its output goes to a log file that
 * outlives it, so that a failure can be read after the build.
 */
final class MicroProcess {

    /** Payara Micro prints this once it serves requests, on 6 and on 7. */
    private static final String READY = " ready in ";
    /**
     * Autodeploy looks at the directory every 2 s by default. The poll interval can only be set
     * before boot: the same command after boot stopped autodeploy altogether on 6.2025.10.
     */
    private static final String PREBOOT = "set configs.config.server-config.admin-service.das-config.autodeploy-polling-interval-in-seconds=1\n";

    private final Path root;
    private final Path log;
    private final int httpPort;
    private Process process;

    private MicroProcess(Path root, Path log, int httpPort) {
        this.root = root;
        this.log = log;
        this.httpPort = httpPort;
    }

    /**
     * Starts the server and waits until it is ready.
     *
     * @param work a directory this instance may own: its root directory is made (afresh) inside it
     * @throws IOException when the server exits or is not ready in time; the message quotes its log
     */
    static MicroProcess start(PayaraMicroConfiguration configuration, Path work) throws IOException, InterruptedException {
        Path jar = Path.of(configuration.getMicroJar()).toAbsolutePath();
        String name = jar.getFileName().toString().replace(".jar", "");
        Path root = work.resolve(name + "-root");
        deleteRecursively(root);
        Files.createDirectories(root.resolve("autodeploy"));
        Path preboot = Files.writeString(work.resolve(name + "-preboot.asadmin"), PREBOOT);
        Path log = work.resolve(name + ".log");

        int httpPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        Arrays.stream(configuration.getJvmOptions().trim().split("\\s+")).filter(option -> !option.isEmpty()).forEach(command::add);
        command.addAll(List.of("-jar", jar.toString(),
                "--rootdir", root.toString(),
                "--nocluster",
                "--port", Integer.toString(httpPort),
                "--sslport", Integer.toString(freePort()),
                "--prebootcommandfile", preboot.toString()));

        MicroProcess micro = new MicroProcess(root, log, httpPort);
        micro.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // A JVM that ends without Arquillian's stop (a crash, Ctrl+C) must not leave the server running.
        Runtime.getRuntime().addShutdownHook(new Thread(micro.process::destroyForcibly, "payara-micro-reaper"));
        micro.awaitReady(Duration.ofSeconds(configuration.getStartupTimeoutInSeconds()));
        return micro;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.readString(log, StandardCharsets.ISO_8859_1).contains(READY)) {
            if (!process.isAlive()) {
                throw new IOException("Payara Micro exited with " + process.exitValue() + " while starting:\n" + logTail());
            }
            if (Instant.now().isAfter(deadline)) {
                stop();
                throw new IOException("Payara Micro was not ready within " + timeout.toSeconds() + " s:\n" + logTail());
            }
            Thread.sleep(200);
        }
    }

    Path autodeployDirectory() {
        return root.resolve("autodeploy");
    }

    int httpPort() {
        return httpPort;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** @return the last lines of the server's log, and where the whole log is */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())) + "\n(whole log: " + log + ")";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL after 60 s) and deletes its root directory; the log stays. */
    void stop() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        deleteRecursively(root);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
