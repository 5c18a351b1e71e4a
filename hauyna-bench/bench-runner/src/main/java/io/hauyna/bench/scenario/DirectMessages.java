package io.hauyna.bench.scenario;

import io.hauyna.bench.BenchContext;
import io.hauyna.bench.Progress;
import io.hauyna.bench.load.BenchConnection;
import io.hauyna.bench.load.Deliveries;
import io.hauyna.bench.load.LoadGenerator.Target;
import io.hauyna.bench.load.Payloads;
import io.hauyna.bench.report.Metric;
import io.hauyna.bench.report.TableSpec;

import java.util.List;

/**
 * Scenario 3: point to point. Connection {@code s} (of the first half) sends to connection
 * {@code pairs + s}; message {@code i} is sent by {@code i mod pairs}. 64 messages in flight in all.
 * Every delivery costs the server one inbound frame and one outbound frame.
 */
public final class DirectMessages implements Scenario {

    public static final String ID = "direct";
    private static final int IN_FLIGHT = 64;
    private static final int PAYLOAD = 100;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TableSpec table() {
        return new TableSpec(ID, "3. Direct messages between pairs",
                List.of(Metric.CPU_PER_DELIVERY, Metric.DELIVERIES_PER_SECOND, Metric.P50, Metric.P99, Metric.P999, Metric.GC_MILLIS),
                Metric.CPU_PER_DELIVERY);
    }

    @Override
    public void run(BenchContext context) {
        int pairs = context.scale().pairs();
        String variant = String.format("%,d pairs · 100 B", pairs);
        Progress.say("opening %,d connections", 2 * pairs);
        List<BenchConnection> peers = context.load().openAll(2 * pairs,
                slot -> Target.of(context.uri("sub/none", user(slot)), user(slot)), 200);
        context.awaitOpened(2 * pairs);
        List<Mode> modes = List.of(Mode.HAUYNA_PROTOCOL, Mode.HAUYNA_SERVER, Mode.RAW_ASYNC, Mode.RAW_BASIC);
        int messages = Math.max(8, context.scale().deliveriesPerRun() / 2);
        Deliveries.Addressing addressing = new Deliveries.Addressing() {
            @Override
            public int recipients(int message) {
                return 1;
            }

            @Override
            public boolean addressedTo(int message, int slot) {
                return slot == pairs + message % pairs;
            }
        };
        try {
            for (int round = 0; round <= context.scale().rounds(); round++) {
                for (Mode mode : Mode.interleaved(modes, round)) {
                    Progress.say("round %d/%d · %s · %,d messages", round, context.scale().rounds(), mode.label(), messages);
                    Deliveries deliveries = new Deliveries(context.ids(messages), messages, 2 * pairs, addressing, IN_FLIGHT);
                    peers.forEach(peer -> peer.receiver(deliveries));
                    BenchContext.Measured measured = context.measure(() -> deliveries.publish(message -> {
                        int sender = message % pairs;
                        peers.get(sender).send(mode.direct(user(pairs + sender),
                                Payloads.message(deliveries.id(message), System.nanoTime(), PAYLOAD)));
                    }, BenchContext.STALL));
                    context.record(ID, variant, mode.label(), round, measured);
                }
            }
        } finally {
            context.load().closeAll(peers);
        }
    }

    private static String user(int slot) {
        return "peer-" + slot;
    }
}
