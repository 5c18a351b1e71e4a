package io.hauyna.bench.scenario;

import io.hauyna.bench.BenchContext;
import io.hauyna.bench.Progress;
import io.hauyna.bench.Scale;
import io.hauyna.bench.load.BenchConnection;
import io.hauyna.bench.load.Deliveries;
import io.hauyna.bench.load.LoadGenerator;
import io.hauyna.bench.load.LoadGenerator.Target;
import io.hauyna.bench.load.Payloads;
import io.hauyna.bench.report.Metric;
import io.hauyna.bench.report.Results;
import io.hauyna.bench.report.TableSpec;
import io.hauyna.bench.server.ClusterNodes;
import io.hauyna.bench.server.ProcessMetrics;
import io.hauyna.bench.server.RunningServer;
import io.hauyna.bench.server.ServerStats;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Scenario 9: scenario 1's fan-out on 1, 2 and 3 nodes of one server, each its own process with the
 * bench WAR and {@code hauyna-hazelcast}. The channel's subscribers are spread evenly over the nodes
 * and one publisher on node 0 sends protocol {@code channel_message}s, so that with N nodes each
 * message crosses the grid once to each of N − 1 nodes, which deliver to their own subscribers.
 *
 * <p>Its figures are the sum over every node (CPU, collections) and what the load generator saw
 * (rate, latency); the baseline is the same WAR on one node, measured in the same run. The cluster
 * grows to three nodes and shrinks back to one, so that one and two nodes are measured both early and
 * late in the run and a drift of the machine does not land on one size only. After each new node
 * it sends unrecorded for {@link Scale#clusterWarmUpSeconds()}: a node just started would otherwise
 * charge its JIT compilation to the first rounds (after 15 s, the first visit of two nodes still cost
 * 1.5–2 times the second with 600 subscribers, on both servers).
 */
public final class ClusterFanOut {

    public static final String ID = "cluster-fan-out";
    public static final String BASELINE = mode(1);
    private static final String ROOM = "fan";
    private static final int IN_FLIGHT = 4;
    /** Cluster sizes in the order they are measured. */
    private static final List<Integer> VISITS = List.of(1, 2, 3, 2, 1);
    /** Deliveries one measured run aims at: three times scenario 1's, for a steadier CPU figure summed over processes. */
    private static final int RUN_FACTOR = 3;

    private final LoadGenerator load;
    private final Results results;
    private final Scale scale;
    private final AtomicLong ids;

    public ClusterFanOut(LoadGenerator load, Results results, Scale scale, AtomicLong ids) {
        this.load = load;
        this.results = results;
        this.scale = scale;
        this.ids = ids;
    }

    public static TableSpec table() {
        return new TableSpec(ID, "9. Fan-out across a cluster: one channel, subscribers spread over the nodes, "
                + "the publisher on node 0 (figures summed over the nodes; × 1 node below 1.00: the cluster costs more)",
                List.of(Metric.CPU_PER_DELIVERY, Metric.DELIVERIES_PER_SECOND, Metric.P50, Metric.P99, Metric.P999, Metric.GC_MILLIS),
                Metric.CPU_PER_DELIVERY, BASELINE);
    }

    /** Grows and shrinks {@code nodes} through {@link #VISITS}, measuring at each size. */
    public void run(ClusterNodes nodes) {
        for (int visit = 0; visit < VISITS.size(); visit++) {
            int size = VISITS.get(visit);
            Progress.context(nodes.name() + " · " + ID + " · " + mode(size));
            Progress.say("%s the cluster", visit == 0 ? "starting" : "resizing");
            nodes.resize(size);
            List<Integer> rounds = roundsOfVisit(visit);
            // a node just started runs interpreted code until the JIT has compiled it: minutes, not seconds
            boolean grew = visit == 0 || size > VISITS.get(visit - 1);
            Duration warmUp = Duration.ofSeconds(grew ? scale.clusterWarmUpSeconds() : 0);
            for (int subscribers : scale.clusterSizes()) {
                measure(nodes, size, subscribers, rounds, warmUp);
                warmUp = Duration.ZERO;
            }
        }
    }

    /**
     * @return the recorded rounds of visit {@code visit}: each size's {@link Scale#rounds()} shared out
     *         over its visits in order (with five rounds and two visits, 1–3 then 4–5)
     */
    static List<Integer> roundsOfVisit(int visit, List<Integer> visits, int rounds) {
        int size = visits.get(visit);
        int visitsOfSize = (int) visits.stream().filter(s -> s == size).count();
        int earlier = (int) visits.subList(0, visit).stream().filter(s -> s == size).count();
        int perVisit = (rounds + visitsOfSize - 1) / visitsOfSize;
        int first = 1 + earlier * perVisit;
        int last = Math.min(rounds, first + perVisit - 1);
        return IntStream.rangeClosed(first, last).boxed().toList();
    }

    private List<Integer> roundsOfVisit(int visit) {
        return roundsOfVisit(visit, VISITS, scale.rounds());
    }

    /** @param warmUp how long round 0 of the first payload lasts at least (one run in any case) */
    private void measure(ClusterNodes nodes, int size, int subscribers, List<Integer> rounds, Duration warmUp) {
        List<RunningServer> running = nodes.running();
        Progress.say("opening %,d subscribers over %d node(s) and a publisher on node 0", subscribers, size);
        List<BenchConnection> all = new ArrayList<>(load.openAll(subscribers,
                slot -> Target.of(uri(running.get(slot % size), "sub/" + ROOM, "fan-" + slot), "fan-" + slot), 200));
        List<BenchConnection> fans = List.copyOf(all);
        try {
            BenchConnection publisher = load.connect(subscribers, Target.of(uri(running.get(0), "sub/none", "publisher"), "publisher"));
            all.add(publisher);
            awaitSubscribed(running, subscribers);
            for (int payload : scale.payloadBytes()) {
                String variant = String.format("%,d subscribers · %s", subscribers, payload >= 1024 ? payload / 1024 + " KiB" : payload + " B");
                int messages = Math.max(4 * IN_FLIGHT, RUN_FACTOR * scale.deliveriesPerRun() / subscribers);
                IntConsumer runRound = round -> {
                    Progress.say("%s · round %d · %,d broadcasts", variant, round, messages);
                    Deliveries deliveries = new Deliveries(ids.getAndAdd(messages), messages, subscribers,
                            Deliveries.Addressing.everyone(subscribers), IN_FLIGHT);
                    fans.forEach(fan -> fan.receiver(deliveries));
                    record(nodes.name(), variant, mode(size), round, running, () -> deliveries.publish(message -> publisher.send(
                            Mode.HAUYNA_PROTOCOL.fanOut(ROOM, Payloads.message(deliveries.id(message), System.nanoTime(), payload))),
                            BenchContext.STALL));
                };
                // round 0, unrecorded: repeated for warmUp after a change of size (a new node's JIT), else once
                long warmUntil = System.nanoTime() + warmUp.toNanos();
                do {
                    runRound.accept(0);
                } while (System.nanoTime() < warmUntil);
                warmUp = Duration.ZERO;
                rounds.forEach(runRound::accept);
            }
        } finally {
            load.closeAll(all);
            for (RunningServer node : running) {
                ServerStats left = node.awaitStats(ServerStats::empty, Duration.ofSeconds(60));
                if (!left.empty()) {
                    Progress.say("%s still holds %s after the run", node.name(), left);
                }
            }
        }
    }

    /**
     * Waits until every node has run {@code @OnOpen} for its share of the connections (which
     * subscribes them) and counts all of them cluster-wide, which also shows that every node hears
     * every other: a broadcast sent before would rightly miss a subscriber not yet subscribed.
     */
    private static void awaitSubscribed(List<RunningServer> running, int subscribers) {
        int size = running.size();
        for (int node = 0; node < size; node++) {
            int index = node;
            int local = (int) IntStream.range(0, subscribers).filter(slot -> slot % size == index).count() + (node == 0 ? 1 : 0);
            ServerStats stats = running.get(node).awaitStats(
                    s -> s.handWrittenSessions() >= local && s.connections() >= subscribers + 1, Duration.ofSeconds(60));
            if (stats.handWrittenSessions() < local || stats.connections() < subscribers + 1) {
                throw new IllegalStateException(running.get(node).name() + " opened " + stats.handWrittenSessions() + " of its "
                        + local + " connections and counts " + stats.connections() + " of " + (subscribers + 1)
                        + " cluster-wide after 60 s");
            }
        }
    }

    private void record(String server, String variant, String mode, int round, List<RunningServer> running,
                        Supplier<Deliveries.Outcome> run) {
        List<ProcessMetrics> before = running.stream().map(RunningServer::process).toList();
        long gcBefore = running.stream().mapToLong(node -> node.stats(false).gcMillis()).sum();
        Deliveries.Outcome outcome = run.get();
        long cpu = 0;
        for (int node = 0; node < running.size(); node++) {
            cpu += running.get(node).process().cpuNanosSince(before.get(node));
        }
        long gcMillis = running.stream().mapToLong(node -> node.stats(false).gcMillis()).sum() - gcBefore;
        if (!outcome.exact()) {
            Progress.say("FAILED %s %s round %d: %s", variant, mode, round, outcome.describe());
            results.fail(server, ID, variant, mode, round, outcome.describe());
            return;
        }
        if (round == 0) {
            return;
        }
        results.add(server, ID, variant, mode, round, BenchContext.deliveryFigures(outcome, cpu, gcMillis));
    }

    private static URI uri(RunningServer node, String path, String user) {
        return URI.create(node.webSocketBase() + "/" + path + "?u=" + user);
    }

    private static String mode(int nodes) {
        return nodes == 1 ? "1 node" : nodes + " nodes";
    }
}
