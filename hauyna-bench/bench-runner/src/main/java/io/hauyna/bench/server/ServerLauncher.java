package io.hauyna.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts one kind of server in its own process with the bench WAR deployed, on {@link #PORT}, or as a
 * node of a cluster of such servers ({@link Placement}). System properties reach Hauyna's settings on
 * every server (MicroProfile Config reads them too).
 */
public abstract class ServerLauncher {

    /** Below the ephemeral range, clear of a sample on 8080 and the TCK's ports. */
    public static final int PORT = 8310;

    /**
     * Heap of every server under test: fixed and touched at start, so that neither heap nor RSS
     * figures follow the heap's resizing or its first use of pages.
     */
    static final List<String> HEAP = List.of("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch");

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String name;
    private final boolean tyrus;
    private int starts;

    ServerLauncher(String name, boolean tyrus) {
        this.name = name;
        this.tyrus = tyrus;
    }

    public String name() {
        return name;
    }

    /** @return whether the server runs Tyrus, so that {@code tyrus-broadcast} applies */
    public boolean tyrus() {
        return tyrus;
    }

    /** Starts the server alone, clustering off. */
    public RunningServer start(Path war, Map<String, String> properties, Path logDirectory) {
        return start(war, properties, logDirectory, Placement.ALONE);
    }

    /**
     * Starts the server at {@code placement}: alone, or as a cluster node with {@link #clusterSettings}
     * added to {@code properties}; {@code war} must then carry {@code hauyna-hazelcast} ({@link ClusterWar}).
     */
    public RunningServer start(Path war, Map<String, String> properties, Path logDirectory, Placement placement) {
        if (placement.clustered() && !clusters()) {
            throw new IllegalArgumentException(name + " has no cluster launcher in the benchmark");
        }
        try {
            Files.createDirectories(logDirectory);
            String nodeName = name + placement.suffix();
            Path log = logDirectory.resolve(nodeName.replaceAll("[^A-Za-z0-9.]+", "-") + "-" + (++starts) + ".log");
            Map<String, String> all = new LinkedHashMap<>(properties);
            if (placement.clustered()) {
                all.putAll(clusterSettings(placement));
            }
            ProcessBuilder builder = command(war, all, jvmOptions(log), placement);
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            RunningServer server = new RunningServer(nodeName, builder.start(), placement.httpPort(), log);
            try {
                server.awaitReady(START_TIMEOUT);
            } catch (RuntimeException failed) {
                server.close();
                throw failed;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /**
     * @param jvmOptions options for the server's JVM: {@link #HEAP}, and a flight recording when asked for
     * @param placement  alone (clustering off) or a cluster node, on {@link Placement#httpPort()}
     * @return the command that starts the server with the WAR deployed and the properties set
     */
    abstract ProcessBuilder command(Path war, Map<String, String> properties, List<String> jvmOptions, Placement placement)
            throws IOException;

    /** @return whether this server can run as a cluster node here ({@link #clusterSettings}); {@code false} unless overridden */
    public boolean clusters() {
        return false;
    }

    /** @return whether a clustered WAR must carry Hazelcast itself, the server having none to lend */
    public boolean bundlesHazelcast() {
        return true;
    }

    /** @return Hauyna's settings that make the node at {@code placement} join the others */
    Map<String, String> clusterSettings(Placement placement) {
        throw new UnsupportedOperationException(name + " has no cluster launcher in the benchmark");
    }

    /**
     * {@link #HEAP}, plus, with {@code -Dbench.jfr=true}, a JDK Flight Recorder recording of the whole
     * run with the {@code profile} settings, saved beside the server's log before it is stopped
     * ({@link RunningServer#close()}): the profile that shows where a scenario's server CPU goes. Off
     * by default: it costs the server CPU.
     */
    private static List<String> jvmOptions(Path log) {
        List<String> options = new ArrayList<>(HEAP);
        if (RunningServer.RECORDING) {
            options.add("-XX:StartFlightRecording=name=bench,settings=profile");
        }
        return options;
    }

    static List<String> systemProperties(Map<String, String> properties) {
        List<String> arguments = new ArrayList<>();
        properties.forEach((key, value) -> arguments.add("-D" + key + "=" + value));
        return arguments;
    }

    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
