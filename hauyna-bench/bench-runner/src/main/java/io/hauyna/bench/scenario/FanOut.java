package io.hauyna.bench.scenario;

import io.hauyna.bench.BenchContext;
import io.hauyna.bench.Progress;
import io.hauyna.bench.load.BenchConnection;
import io.hauyna.bench.load.Deliveries;
import io.hauyna.bench.load.LoadGenerator.Target;
import io.hauyna.bench.load.Payloads;
import io.hauyna.bench.report.Metric;
import io.hauyna.bench.report.TableSpec;
import io.hauyna.bench.server.ServerStats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 1: one channel, 1,000 to 10,000 subscribers, one publisher with 4 broadcasts in flight.
 * Every mode delivers to the same subscriber sockets, in the same server process, interleaved; one
 * of them is Hauyna's protocol with its per-frame metrics switched off, for what counting costs, and
 * one publishes to a history channel the same sockets joined, for what numbering and keeping cost.
 */
public final class FanOut implements Scenario {

    public static final String ID = "fan-out";
    private static final String ROOM = "fan";
    private static final int IN_FLIGHT = 4;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TableSpec table() {
        return new TableSpec(ID, "1. Fan-out: one channel, 4 broadcasts in flight",
                List.of(Metric.CPU_PER_DELIVERY, Metric.DELIVERIES_PER_SECOND, Metric.P50, Metric.P99, Metric.P999,
                        Metric.GC_MILLIS, Metric.RSS_MB, Metric.THREADS),
                Metric.CPU_PER_DELIVERY);
    }

    @Override
    public void run(BenchContext context) {
        List<Mode> modes = new ArrayList<>(List.of(Mode.HAUYNA_PROTOCOL, Mode.HAUYNA_UNCOUNTED, Mode.HAUYNA_HISTORY, Mode.HAUYNA_SERVER,
                Mode.RAW_ASYNC, Mode.RAW_BASIC));
        if (context.tyrus()) {
            modes.add(Mode.TYRUS_BROADCAST);
        }
        boolean warm = false;
        for (int subscribers : context.scale().fanOutSizes()) {
            Progress.say("opening %,d subscribers and a publisher", subscribers);
            List<BenchConnection> all = new ArrayList<>(context.load().openAll(subscribers,
                    slot -> Target.of(context.uri("sub/" + ROOM, "fan-" + slot, "history=true"), "fan-" + slot), 200));
            List<BenchConnection> fans = List.copyOf(all);
            try {
                BenchConnection publisher = context.load().connect(subscribers, Target.of(context.uri("sub/none", "publisher"), "publisher"));
                all.add(publisher);
                context.awaitOpened(subscribers + 1);
                for (int payload : context.scale().payloadBytes()) {
                    String variant = String.format("%,d subscribers · %s", subscribers, payload >= 1024 ? payload / 1024 + " KiB" : payload + " B");
                    int messages = Math.max(IN_FLIGHT, context.scale().deliveriesPerRun() / subscribers);
                    // round 0 is unrecorded: every mode once for the scenario's first variant (the JIT,
                    // the pools), then one run per variant to take the change of subscribers or payload
                    // (a collection of the previous variant's garbage, buffers resized) so that it does
                    // not land on whichever mode runs first in round 1
                    List<Mode> warmUp = warm ? List.of(modes.get(0)) : modes;
                    warm = true;
                    for (int round = 0; round <= context.scale().rounds(); round++) {
                        for (Mode mode : round == 0 ? warmUp : Mode.interleaved(modes, round)) {
                            Progress.say("%s · round %d/%d · %s · %,d broadcasts", variant, round, context.scale().rounds(), mode.label(), messages);
                            Deliveries deliveries = new Deliveries(context.ids(messages), messages, subscribers,
                                    Deliveries.Addressing.everyone(subscribers), IN_FLIGHT);
                            fans.forEach(fan -> fan.receiver(deliveries));
                            context.server().countPerFrame(mode.countsPerFrame());
                            BenchContext.Measured measured = context.measure(() -> deliveries.publish(message -> publisher.send(
                                    mode.fanOut(ROOM, Payloads.message(deliveries.id(message), System.nanoTime(), payload))), BenchContext.STALL));
                            context.record(ID, variant, mode.label(), round, measured);
                        }
                    }
                }
            } finally {
                context.server().countPerFrame(true);
                context.load().closeAll(all);
                // the next size counts the connections whose @OnOpen finished: none of these may linger
                context.server().awaitStats(ServerStats::empty, Duration.ofSeconds(60));
            }
        }
    }
}
