package io.hauyna.bench.scenario;

import io.hauyna.bench.Pause;
import io.hauyna.bench.BenchContext;
import io.hauyna.bench.Progress;
import io.hauyna.bench.load.BenchConnection;
import io.hauyna.bench.load.LoadGenerator.Target;
import io.hauyna.bench.load.Receiver;
import io.hauyna.bench.report.Metric;
import io.hauyna.bench.report.TableSpec;
import io.hauyna.bench.server.ProcessMetrics;
import io.netty.buffer.ByteBuf;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 4: 1,000 clients join one presence channel, evenly spread over one second. Each client
 * keeps the presence list as the protocol says (state, then diffs); the round ends when every
 * client's list holds all of them. A fresh channel per round.
 */
public final class PresenceBurst implements Scenario {

    public static final String ID = "presence-burst";
    private static final long SPREAD_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TableSpec table() {
        return new TableSpec(ID, "4. Presence burst: clients join one presence channel within one second",
                List.of(Metric.FRAMES_PER_SUBSCRIBER, Metric.FRAMES_PER_JOIN, Metric.CONVERGENCE_MS, Metric.CPU_MS), null);
    }

    @Override
    public void run(BenchContext context) {
        int clients = context.scale().presenceClients();
        String variant = String.format("%,d clients join in 1 s", clients);
        Progress.say("opening %,d clients", clients);
        List<BenchConnection> people = context.load().openAll(clients,
                slot -> Target.of(context.uri("sub/none", "person-" + slot), "person-" + slot), 200);
        try {
            for (int round = 1; round <= context.scale().rounds(); round++) {
                String channel = "presence:burst-" + round;
                Progress.say("round %d/%d · %,d joins into %s", round, context.scale().rounds(), clients, channel);
                burst(context, people, channel, variant, round);
                people.forEach(person -> person.receiver(Receiver.IGNORE));
                people.forEach(person -> person.send("{\"type\":\"unsubscribe_channel\",\"channel\":\"" + channel + "\"}"));
                context.server().awaitStats(stats -> stats.channels() == 0, java.time.Duration.ofSeconds(30));
            }
        } finally {
            context.load().closeAll(people);
        }
    }

    private static void burst(BenchContext context, List<BenchConnection> people, String channel, String variant, int round) {
        int clients = people.size();
        AtomicInteger full = new AtomicInteger();
        AtomicLong frames = new AtomicLong();
        AtomicLong lastFull = new AtomicLong();
        List<PresenceList> lists = new java.util.ArrayList<>();
        for (BenchConnection person : people) {
            PresenceList list = new PresenceList(channel, clients, frames, full, lastFull);
            lists.add(list);
            person.receiver(list);
        }
        ProcessMetrics before = context.server().process();
        long started = System.nanoTime();
        for (BenchConnection person : people) {
            person.schedule(() -> person.send("{\"type\":\"subscribe_channel\",\"channel\":\"" + channel + "\"}"),
                    SPREAD_NANOS * person.slot() / clients);
        }
        while (full.get() < clients && System.nanoTime() - started < TIMEOUT_NANOS) {
            Pause.millis(5);
        }
        ProcessMetrics after = context.server().process();
        if (full.get() < clients) {
            context.fail(ID, variant, "hauyna", round, full.get() + " of " + clients + " clients saw the full list within 30 s; "
                    + incomplete(people, lists));
            return;
        }
        Map<Metric, Double> figures = new LinkedHashMap<>();
        double perSubscriber = frames.get() / (double) clients;
        figures.put(Metric.FRAMES_PER_SUBSCRIBER, perSubscriber);
        figures.put(Metric.FRAMES_PER_JOIN, perSubscriber / clients);
        figures.put(Metric.CONVERGENCE_MS, (lastFull.get() - started) / 1e6);
        figures.put(Metric.CPU_MS, (after.cpuNanosSince(before)) / 1e6);
        context.record(ID, variant, "hauyna", round, figures);
    }

    /** @return which client lacks whom, for the first few incomplete lists */
    private static String incomplete(List<BenchConnection> people, List<PresenceList> lists) {
        List<String> lacking = new java.util.ArrayList<>();
        for (int i = 0; i < lists.size() && lacking.size() < 3; i++) {
            PresenceList list = lists.get(i);
            synchronized (list) {
                if (!list.reachedFull) {
                    Set<String> missing = new java.util.TreeSet<>();
                    people.forEach(p -> missing.add(p.user()));
                    missing.removeAll(list.present);
                    lacking.add(people.get(i).user() + " (" + list.frames + " frames) lacks " + missing + " " + list.log);
                }
            }
        }
        return String.join("; ", lacking);
    }

    /** One client's view of the channel, kept from presence_state and presence_diff frames. */
    private static final class PresenceList implements Receiver {
        private final String channel;
        private final int everyone;
        private final List<String> log = new java.util.ArrayList<>();
        private final AtomicLong allFrames;
        private final AtomicInteger full;
        private final AtomicLong lastFull;
        private final Set<String> present = new HashSet<>();
        private boolean reachedFull;
        private int frames;

        PresenceList(String channel, int everyone, AtomicLong frames, AtomicInteger full, AtomicLong lastFull) {
            this.channel = channel;
            this.everyone = everyone;
            this.allFrames = frames;
            this.full = full;
            this.lastFull = lastFull;
        }

        @Override
        public synchronized void received(BenchConnection connection, ByteBuf text) {
            JsonObject frame;
            try (JsonReader reader = Json.createReader(new StringReader(text.toString(StandardCharsets.UTF_8)))) {
                frame = reader.readObject();
            }
            String type = frame.getString("type", "");
            if (!channel.equals(frame.getString("channel", ""))) {
                return; // e.g. the last leaves of the previous round's channel
            }
            if (log.size() < 5) {
                log.add(type + " of " + (type.equals("presence_state") ? frame.getJsonObject("presences").size()
                        : frame.getJsonObject("joins").size() + " joins"));
            }
            if (type.equals("presence_state")) {
                allFrames.incrementAndGet();
                this.frames++;
                present.addAll(frame.getJsonObject("presences").keySet());
            } else if (type.equals("presence_diff")) {
                allFrames.incrementAndGet();
                this.frames++;
                present.removeAll(frame.getJsonObject("leaves").keySet());
                present.addAll(frame.getJsonObject("joins").keySet());
            } else {
                return;
            }
            if (!reachedFull && present.size() >= everyone) {
                reachedFull = true;
                lastFull.accumulateAndGet(System.nanoTime(), Math::max);
                full.incrementAndGet();
            }
        }
    }

}
