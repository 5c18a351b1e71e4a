package io.hauyna.bench.scenario;

import io.hauyna.bench.BenchContext;
import io.hauyna.bench.Progress;
import io.hauyna.bench.load.BenchConnection;
import io.hauyna.bench.load.Deliveries;
import io.hauyna.bench.load.LoadGenerator.Target;
import io.hauyna.bench.load.Payloads;
import io.hauyna.bench.load.Receiver;
import io.hauyna.bench.report.Metric;
import io.hauyna.bench.report.TableSpec;
import io.hauyna.bench.server.ServerStats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 6: a fan-out of 64 KiB messages (server code, {@code Channels.broadcastTo}) while 1 % of
 * the subscribers have stopped reading, against the same run where they read. Figures are for the
 * healthy subscribers, and the heap after collection while the slow ones are still stuck; then the
 * slow ones read again and show how the server closed them. Large messages, so that a few dozen
 * exceed what the kernel and the container buffer before Hauyna's queue (1 MiB by default) fills.
 */
public final class SlowConsumers implements Scenario {

    public static final String ID = "slow-consumers";
    private static final String ROOM = "slow";
    private static final int IN_FLIGHT = 4;
    private static final int PAYLOAD = 64 * 1024;
    private static final String WITHOUT = "all read";
    private static final String WITH = "1 % stop reading";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TableSpec table() {
        return new TableSpec(ID, "6. Slow consumers: 1 % of subscribers stop reading during a 64 KiB fan-out (hauyna-server)",
                List.of(Metric.P50, Metric.P99, Metric.P999, Metric.CPU_PER_DELIVERY, Metric.HEAP_MB, Metric.SLOW_CLOSED, Metric.CLOSED_1013), null);
    }

    @Override
    public void run(BenchContext context) {
        int subscribers = context.scale().slowSubscribers();
        Progress.say("opening %,d subscribers, %,d of them with small receive buffers", subscribers, subscribers / 100);
        List<BenchConnection> fans = new ArrayList<>(context.load().openAll(subscribers, slot -> target(context, slot), 200));
        List<BenchConnection> others = new ArrayList<>();
        try {
            BenchConnection publisher = context.load().connect(subscribers, Target.of(context.uri("sub/none", "publisher"), "publisher"));
            others.add(publisher);
            context.awaitOpened(subscribers + 1);
            for (int round = 1; round <= context.scale().rounds(); round++) {
                List<String> order = round % 2 == 1 ? List.of(WITHOUT, WITH) : List.of(WITH, WITHOUT);
                for (String variant : order) {
                    Progress.say("round %d/%d · %s", round, context.scale().rounds(), variant);
                    fanOut(context, fans, publisher, variant, round);
                }
            }
        } finally {
            others.addAll(fans);
            context.load().closeAll(others);
        }
    }

    private static void fanOut(BenchContext context, List<BenchConnection> fans, BenchConnection publisher, String variant, int round) {
        int subscribers = fans.size();
        int messages = context.scale().slowMessages();
        List<BenchConnection> slow = fans.stream().filter(fan -> slow(fan.slot())).toList();
        Deliveries deliveries = new Deliveries(context.ids(messages), messages, subscribers, new Deliveries.Addressing() {
            @Override
            public int recipients(int message) {
                return subscribers - slow.size();
            }

            @Override
            public boolean addressedTo(int message, int slot) {
                return !slow(slot);
            }
        }, IN_FLIGHT);
        fans.forEach(fan -> fan.receiver(slow(fan.slot()) ? Receiver.IGNORE : deliveries));
        boolean stopReading = variant.equals(WITH);
        if (stopReading) {
            slow.forEach(BenchConnection::pauseReading);
        }
        BenchContext.Measured measured = context.measure(() -> deliveries.publish(message -> publisher.send(
                Mode.HAUYNA_SERVER.fanOut(ROOM, Payloads.message(deliveries.id(message), System.nanoTime(), PAYLOAD))), BenchContext.STALL));
        // while the slow readers are still stuck: what the server holds for them
        ServerStats heap = context.server().stats(true);
        int[] closed = {0, 0};
        if (stopReading) {
            slow.forEach(BenchConnection::resumeReading);
            closed = closed(slow);
        }
        if (!measured.outcome().exact()) {
            context.fail(ID, variant, "hauyna", round, "healthy subscribers: " + measured.outcome().describe());
        } else {
            Map<Metric, Double> figures = new LinkedHashMap<>(measured.deliveryFigures());
            figures.keySet().retainAll(List.of(Metric.P50, Metric.P99, Metric.P999, Metric.CPU_PER_DELIVERY));
            figures.put(Metric.HEAP_MB, heap.heapUsed() / 1048576.0);
            figures.put(Metric.SLOW_CLOSED, (double) closed[0]);
            figures.put(Metric.CLOSED_1013, (double) closed[1]);
            context.record(ID, variant, "hauyna", round, figures);
        }
        reopenClosed(context, fans);
    }

    /** @return how many slow readers the server closed (within 5 s of reading again), and how many of them with 1013 */
    private static int[] closed(List<BenchConnection> slow) {
        int closed = 0;
        int with1013 = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (BenchConnection connection : slow) {
            try {
                int code = connection.closed().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                closed++;
                if (code == 1013) {
                    with1013++;
                }
            } catch (java.util.concurrent.TimeoutException stillOpen) {
                // not closed
            } catch (java.util.concurrent.ExecutionException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return new int[] {closed, with1013};
    }

    private static void reopenClosed(BenchContext context, List<BenchConnection> fans) {
        for (int i = 0; i < fans.size(); i++) {
            BenchConnection fan = fans.get(i);
            if (!fan.isOpen()) {
                int slot = fan.slot();
                fans.set(i, context.load().connect(slot, target(context, slot)));
            }
        }
    }

    private static Target target(BenchContext context, int slot) {
        String user = "reader-" + slot;
        return new Target(context.uri("sub/" + ROOM, user), user, slow(slot));
    }

    private static boolean slow(int slot) {
        return slot % 100 == 99;
    }
}
