package io.hauyna.bench.server;

import io.hauyna.bench.Pause;
import io.hauyna.bench.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A server started by a {@link ServerLauncher}: its JVM's process id for {@code /proc}, its HTTP
 * base, and the bench WAR's statistics. Closing it kills the whole process tree.
 */
public final class RunningServer implements AutoCloseable {

    /** Whether the server runs a flight recording ({@code -Dbench.jfr=true}), saved when it is closed. */
    static final boolean RECORDING = Boolean.getBoolean("bench.jfr");

    private final String name;
    private final Process launcher;
    private final int port;
    private final Path log;
    // HTTP/1.1: the default first tries an h2c upgrade, which a server may leave unanswered (Liberty did; Payara once)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private long jvmPid;

    /** Kills the server if the load generator's JVM ends without closing it (Ctrl-C, a crash). */
    private final Thread killOnExit;

    RunningServer(String name, Process launcher, int port, Path log) {
        this.name = name;
        this.launcher = launcher;
        this.port = port;
        this.log = log;
        this.killOnExit = new Thread(this::kill, "kill " + name);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    public String name() {
        return name;
    }

    /** @return {@code ws://127.0.0.1:port/bench} */
    public URI webSocketBase() {
        return URI.create("ws://127.0.0.1:" + port + "/bench");
    }

    public ProcessMetrics process() {
        return ProcessMetrics.of(jvmPid);
    }

    /** Switches Hauyna's per-frame metrics on or off in the bench WAR (through its MXBean). */
    public void countPerFrame(boolean on) {
        try {
            URI uri = URI.create("http://127.0.0.1:" + port + "/bench/stats?perFrameCounting=" + on);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + " answered /stats?perFrameCounting with HTTP " + response.statusCode() + "; log: " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + " did not answer /stats; log: " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** @param collectGarbage whether to run two full collections first (for heap figures) */
    public ServerStats stats(boolean collectGarbage) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(statsUri(collectGarbage))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + " answered /stats with HTTP " + response.statusCode() + "; log: " + log);
            }
            return ServerStats.parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(name + " did not answer /stats; log: " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /**
     * Waits until the heap after a full collection stops shrinking (two readings two seconds apart
     * within 1 MB, for at most a minute), and returns the last reading. A server may keep closed
     * connections reachable for a while after it reported them closed: Payara kept the last
     * 10,000 for several seconds (seen in class histograms), which, read as the "before" of the next
     * measurement, made its heap per connection swing by ±5 KB.
     */
    public ServerStats settledStats() {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        ServerStats previous = stats(true);
        while (true) {
            Pause.millis(2000);
            ServerStats next = stats(true);
            if (Math.abs(next.heapUsed() - previous.heapUsed()) < 1024 * 1024 || System.nanoTime() > deadline) {
                return next;
            }
            previous = next;
        }
    }

    /**
     * With {@code -Dbench.histograms=true}, writes the server's live objects by class ({@code jcmd
     * <pid> GC.class_histogram}, which collects first) beside its log as {@code histogram-<label>.txt}:
     * comparing two of them shows what a connection or a subscription keeps. Off by default: each
     * one pauses the server.
     */
    public void histogram(String label) {
        if (Boolean.getBoolean("bench.histograms")) {
            jcmd(log.resolveSibling("histogram-" + label + ".txt"), "GC.class_histogram");
        }
    }

    /** Runs a diagnostic command in the server's JVM, its output into {@code output}. */
    private void jcmd(Path output, String... command) {
        List<String> arguments = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(jvmPid)));
        arguments.addAll(List.of(command));
        try {
            Process jcmd = new ProcessBuilder(arguments).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!jcmd.waitFor(2, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed; see " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run jcmd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Waits (up to the timeout) until the statistics satisfy the condition, e.g. every registry empty. */
    public ServerStats awaitStats(Predicate<ServerStats> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ServerStats stats = stats(false);
        while (!condition.test(stats) && System.nanoTime() < deadline) {
            Pause.millis(200);
            stats = stats(false);
        }
        return stats;
    }

    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException(name + " exited with " + launcher.exitValue() + " while starting; log: " + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(statsUri(false))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    long answering = ServerStats.parse(response.body()).pid();
                    jvmPid = findJvm().orElseThrow(() -> new IllegalStateException("No JVM found under " + launcher.pid()));
                    if (answering != jvmPid) {
                        throw new IllegalStateException("Process " + answering + ", not the one just started, answers on port "
                                + port + ": stop it (a server left by an interrupted run?)");
                    }
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
            Pause.millis(500);
        }
        throw new IllegalStateException(name + " did not deploy the bench WAR within " + timeout.toSeconds() + " s; log: " + log);
    }

    /** The launcher is either the JVM itself (Payara Micro) or a script whose descendant is the JVM. */
    private Optional<Long> findJvm() {
        if (isJava(launcher.toHandle())) {
            return Optional.of(launcher.pid());
        }
        return launcher.descendants().filter(RunningServer::isJava)
                .max(Comparator.comparing(p -> p.info().totalCpuDuration().orElse(Duration.ZERO)))
                .map(ProcessHandle::pid);
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/java")).orElse(false);
    }

    private URI statsUri(boolean collectGarbage) {
        return URI.create("http://127.0.0.1:" + port + "/bench/stats" + (collectGarbage ? "?gc=true" : ""));
    }

    @Override
    public void close() {
        if (RECORDING && jvmPid != 0 && launcher.isAlive()) {
            Path recording = log.resolveSibling(log.getFileName().toString().replace(".log", ".jfr"));
            jcmd(log.resolveSibling("jfr-dump.txt"), "JFR.dump", "name=bench", "filename=" + recording);
            Progress.say("flight recording of %s: %s", name, recording);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        kill();
    }

    /**
     * Stops the server as an operator would (SIGTERM to its processes), so that it undeploys and a
     * cluster node leaves its cluster at once; kills it after 60 s.
     */
    public void stop() {
        launcher.descendants().forEach(ProcessHandle::destroy);
        launcher.destroy();
        try {
            if (launcher.waitFor(60, TimeUnit.SECONDS)) {
                Progress.say("%s stopped", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    private void kill() {
        List<ProcessHandle> tree = launcher.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
        try {
            launcher.waitFor(30, TimeUnit.SECONDS);
            // the descendants too, so that the next start finds its port free
            for (ProcessHandle process : tree) {
                process.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(name + " did not exit", e);
        }
    }

}
