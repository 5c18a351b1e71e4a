package io.hauyna.bench.scenario;

import io.hauyna.bench.BenchContext;
import io.hauyna.bench.Progress;
import io.hauyna.bench.load.BenchConnection;
import io.hauyna.bench.load.Deliveries;
import io.hauyna.bench.load.LoadGenerator.Target;
import io.hauyna.bench.load.Payloads;
import io.hauyna.bench.report.Metric;
import io.hauyna.bench.report.TableSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 2: many small channels (1,000 × 10 subscribers); message {@code i} goes to channel
 * {@code i mod channels}, so publishing is spread over all of them. 64 messages in flight.
 */
public final class ManyChannels implements Scenario {

    public static final String ID = "many-channels";
    private static final int IN_FLIGHT = 64;
    private static final int PAYLOAD = 100;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TableSpec table() {
        return new TableSpec(ID, "2. Many channels: small channels, publishing spread over all of them",
                List.of(Metric.CPU_PER_DELIVERY, Metric.DELIVERIES_PER_SECOND, Metric.P50, Metric.P99, Metric.P999, Metric.GC_MILLIS),
                Metric.CPU_PER_DELIVERY);
    }

    @Override
    public void run(BenchContext context) {
        int channels = context.scale().channels();
        int perChannel = context.scale().perChannel();
        int subscribers = channels * perChannel;
        String variant = String.format("%,d channels × %d subscribers · 100 B", channels, perChannel);
        Progress.say("opening %,d subscribers over %,d channels", subscribers, channels);
        List<BenchConnection> members = context.load().openAll(subscribers,
                slot -> Target.of(context.uri("sub/" + room(slot % channels), "member-" + slot), "member-" + slot), 200);
        List<BenchConnection> all = new ArrayList<>(members);
        List<Mode> modes = List.of(Mode.HAUYNA_PROTOCOL, Mode.HAUYNA_SERVER, Mode.RAW_ASYNC, Mode.RAW_BASIC);
        int messages = Math.max(8, context.scale().deliveriesPerRun() / perChannel);
        Deliveries.Addressing addressing = new Deliveries.Addressing() {
            @Override
            public int recipients(int message) {
                return perChannel;
            }

            @Override
            public boolean addressedTo(int message, int slot) {
                return slot % channels == message % channels;
            }
        };
        try {
            BenchConnection publisher = context.load().connect(subscribers, Target.of(context.uri("sub/none", "publisher"), "publisher"));
            all.add(publisher);
            context.awaitOpened(subscribers + 1);
            for (int round = 0; round <= context.scale().rounds(); round++) {
                for (Mode mode : Mode.interleaved(modes, round)) {
                    Progress.say("round %d/%d · %s · %,d messages", round, context.scale().rounds(), mode.label(), messages);
                    Deliveries deliveries = new Deliveries(context.ids(messages), messages, subscribers, addressing, IN_FLIGHT);
                    members.forEach(member -> member.receiver(deliveries));
                    BenchContext.Measured measured = context.measure(() -> deliveries.publish(message -> publisher.send(
                            mode.fanOut(room(message % channels), Payloads.message(deliveries.id(message), System.nanoTime(), PAYLOAD))),
                            BenchContext.STALL));
                    context.record(ID, variant, mode.label(), round, measured);
                }
            }
        } finally {
            context.load().closeAll(all);
        }
    }

    private static String room(int index) {
        return "many-" + index;
    }
}
