package io.hauyna.bench.scenario;

import io.hauyna.bench.Progress;
import io.hauyna.bench.load.BenchConnection;
import io.hauyna.bench.load.LoadGenerator;
import io.hauyna.bench.load.LoadGenerator.Target;
import io.hauyna.bench.load.Payloads;
import io.hauyna.bench.report.Metric;
import io.hauyna.bench.report.Results;
import io.hauyna.bench.report.TableSpec;
import io.hauyna.bench.server.RunningServer;
import io.hauyna.bench.server.ServerLauncher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Scenario 10: stopping a server under load. A server started for the run holds N subscribers of
 * one channel; a publisher sends K broadcasts, and as soon as the first subscriber has the last of
 * them (so the server has taken all of them and is still writing most of the N × K deliveries), the
 * server gets SIGTERM, as an operator stops it. Measured from the SIGTERM: how long until every
 * subscriber had its close, how the clients were closed, and how many deliveries never arrived.
 * Twice per server, each time on a fresh server: with Hauyna's drain ({@code
 * hauyna.shutdown.drain-timeout-ms=10000}) and without it (0: closed at once; the baseline).
 */
public final class ServerStop {

    public static final String ID = "server-stop";
    private static final String ROOM = "fan";
    private static final String DRAIN = "drain 10 s";
    private static final String NO_DRAIN = "drain 0";
    private static final int BROADCASTS = 20;
    private static final int PAYLOAD = 100;

    private final LoadGenerator load;
    private final Results results;
    private final int subscribers;

    public ServerStop(LoadGenerator load, Results results, int subscribers) {
        this.load = load;
        this.results = results;
        this.subscribers = subscribers;
    }

    /** No ratio column: whether the drain runs at all depends on the server (on WildFly it does not, see docs/BENCHMARKS.md). */
    public static TableSpec table() {
        return new TableSpec(ID, "10. Server stop under load: SIGTERM while " + BROADCASTS + " broadcasts to every subscriber are being written",
                List.of(Metric.CLOSE_ALL_MS, Metric.LOST, Metric.CLOSED_1001, Metric.CLOSED_OTHERWISE), null, NO_DRAIN);
    }

    /** Runs both variants on fresh servers of {@code launcher}; a failure is recorded and the other variant still runs. */
    public void run(ServerLauncher launcher, Path war, Map<String, String> settings, Path logs) {
        for (String mode : List.of(DRAIN, NO_DRAIN)) {
            Progress.context(launcher.name() + " · " + ID + " · " + mode);
            Map<String, String> withDrain = new LinkedHashMap<>(settings);
            withDrain.put("hauyna.shutdown.drain-timeout-ms", mode.equals(DRAIN) ? "10000" : "0");
            try {
                measure(launcher, war, withDrain, logs, mode);
            } catch (RuntimeException failed) {
                Progress.say("FAILED: %s", failed);
                results.fail(launcher.name(), ID, variant(), mode, 1, "could not run: " + failed.getMessage());
            }
        }
    }

    private String variant() {
        return String.format("%,d subscribers · %d B", subscribers, PAYLOAD);
    }

    private void measure(ServerLauncher launcher, Path war, Map<String, String> settings, Path logs, String mode) {
        try (RunningServer server = launcher.start(war, settings, logs)) {
            Progress.say("opening %,d subscribers and a publisher", subscribers);
            List<BenchConnection> fans = load.openAll(subscribers, slot -> Target.of(uri(server, "sub/" + ROOM, "stop-" + slot), "stop-" + slot), 200);
            BenchConnection publisher = load.connect(subscribers, Target.of(uri(server, "sub/none", "publisher"), "publisher"));
            server.awaitStats(stats -> stats.connections() >= subscribers + 1, Duration.ofSeconds(120));
            LongAdder received = new LongAdder();
            CompletableFuture<Void> lastArrived = new CompletableFuture<>();
            fans.forEach(fan -> fan.receiver((connection, text) -> {
                received.increment();
                if (Payloads.id(text) == BROADCASTS - 1) {
                    lastArrived.complete(null);
                }
            }));
            for (int n = 0; n < BROADCASTS; n++) {
                publisher.send(Mode.HAUYNA_PROTOCOL.fanOut(ROOM, Payloads.message(n, System.nanoTime(), PAYLOAD)));
            }
            lastArrived.orTimeout(60, TimeUnit.SECONDS).join();

            long stopAt = System.nanoTime();
            Progress.say("SIGTERM with %,d of %,d deliveries arrived", received.sum(), (long) subscribers * BROADCASTS);
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
            AtomicLong lastClose = new AtomicLong(stopAt);
            Map<Integer, Integer> codes = new java.util.concurrent.ConcurrentHashMap<>();
            List<CompletableFuture<Integer>> closes = new ArrayList<>();
            for (BenchConnection fan : fans) {
                closes.add(fan.closed().whenComplete((code, failure) -> {
                    lastClose.accumulateAndGet(System.nanoTime(), Math::max);
                    codes.merge(code == null ? -1 : code, 1, Integer::sum);
                }));
            }
            boolean allClosed = CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)).orTimeout(90, TimeUnit.SECONDS)
                    .handle((done, timeout) -> timeout == null).join();
            stopping.orTimeout(90, TimeUnit.SECONDS).exceptionally(timeout -> null).join();
            if (!allClosed) {
                long open = fans.stream().filter(fan -> !fan.closed().isDone()).count();
                load.closeAll(fans);
                throw new IllegalStateException(open + " clients were still open 90 s after SIGTERM");
            }

            long expected = (long) subscribers * BROADCASTS;
            long lost = expected - received.sum();
            int with1001 = codes.getOrDefault(1001, 0);
            Progress.say("%s: every client closed after %,d ms; close codes %s (-1: no close frame); %,d of %,d deliveries lost", mode,
                    TimeUnit.NANOSECONDS.toMillis(lastClose.get() - stopAt), codes, lost, expected);
            results.add(launcher.name(), ID, variant(), mode, 1, Map.of(
                    Metric.CLOSE_ALL_MS, (double) TimeUnit.NANOSECONDS.toMillis(lastClose.get() - stopAt),
                    Metric.LOST, (double) lost,
                    Metric.CLOSED_1001, (double) with1001,
                    Metric.CLOSED_OTHERWISE, (double) (subscribers - with1001)));
        }
    }

    private static URI uri(RunningServer server, String path, String user) {
        return URI.create(server.webSocketBase() + "/" + path + "?u=" + user);
    }
}
