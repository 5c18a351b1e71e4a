package io.hauyna.jakarta.internal.cluster;

import io.hauyna.jakarta.PresenceStatus;
import io.hauyna.jakarta.internal.connection.Target;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The bytes that cross the backplane: every kind of frame survives the trip, and damage is always an IllegalArgumentException. */
class ClusterFramesTest {

    private static final UUID NODE = UUID.randomUUID();
    private static final byte[] PAYLOAD = "{\"text\":\"héllo €uro 😀\"}".getBytes(StandardCharsets.UTF_8);
    private static final List<Replica> EVERY_REPLICA = List.of(
            new Replica.Connection("c1", "alice"),
            new Replica.Subscription("room:ü", "c1", "alice", "{\"name\":\"Alice\"}"),
            new Replica.Membership("alice", "staff", "admin"),
            new Replica.Fragment("alice", PresenceStatus.AWAY, 1_700_000_000_000L, "{\"c1\":{\"typing\":true}}"));

    private static ClusterFrame roundTrip(ClusterFrame.Body body) {
        byte[] frame = ClusterFrames.write(NODE, body);
        ClusterFrames.stamp(frame, 42);
        return ClusterFrames.read(frame);
    }

    private static Target deliveredTarget(Target target) {
        return ((ClusterFrame.Delivery) roundTrip(new ClusterFrame.Delivery(target, PAYLOAD)).body()).target();
    }

    @Test
    void everyTargetArrivesWithoutTheExcludedConnection() {
        assertThat(deliveredTarget(new Target.Everyone())).isEqualTo(new Target.Everyone());
        assertThat(deliveredTarget(new Target.Channel("room:ü", "conn-1"))).isEqualTo(new Target.Channel("room:ü", null));
        assertThat(deliveredTarget(new Target.Identifiers(Set.of("alice", "bøb", "")))).isEqualTo(new Target.Identifiers(Set.of("alice", "bøb", "")));
        assertThat(deliveredTarget(new Target.Identifiers(Set.of()))).isEqualTo(new Target.Identifiers(Set.of()));
        assertThat(deliveredTarget(new Target.Group("staff", "admin", "conn-1"))).isEqualTo(new Target.Group("staff", "admin", null));
        assertThat(deliveredTarget(new Target.Group("staff", null, null))).isEqualTo(new Target.Group("staff", null, null));
    }

    @Test
    void theHeaderAndPayloadArriveAsWritten() {
        ClusterFrame frame = roundTrip(new ClusterFrame.Delivery(new Target.Channel("room", null), PAYLOAD));

        assertThat(frame.node()).isEqualTo(NODE);
        assertThat(frame.seq()).isEqualTo(42);
        assertThat(((ClusterFrame.Delivery) frame.body()).payload()).isEqualTo(PAYLOAD);
    }

    @Test
    void everyOtherKindArrivesAsWritten() {
        List<ClusterFrame.Body> bodies = List.of(
                new ClusterFrame.Heartbeat(Set.of(UUID.randomUUID(), UUID.randomUUID())),
                new ClusterFrame.Heartbeat(Set.of()),
                new ClusterFrame.Changes(List.of(new ClusterFrame.Change(false, EVERY_REPLICA.get(0)),
                        new ClusterFrame.Change(true, EVERY_REPLICA.get(1)), new ClusterFrame.Change(false, EVERY_REPLICA.get(2)),
                        new ClusterFrame.Change(false, EVERY_REPLICA.get(3)))),
                new ClusterFrame.Snapshot(EVERY_REPLICA),
                new ClusterFrame.Snapshot(List.of()),
                new ClusterFrame.GroupChange("alice", "staff", "admin"),
                new ClusterFrame.GroupChange("alice", "staff", null),
                new ClusterFrame.PresenceChange("alice", "{\"typing\":true}"),
                new ClusterFrame.PresenceChange("alice", null),
                new ClusterFrame.Leaving());
        for (ClusterFrame.Body body : bodies) {
            assertThat(roundTrip(body).body()).isEqualTo(body);
        }
    }

    @Test
    void aHistoryMessageArrivesWithItsPosition() {
        ClusterFrame.Positioned read = (ClusterFrame.Positioned) roundTrip(new ClusterFrame.Positioned("room:a", Long.MAX_VALUE, "e1", PAYLOAD)).body();

        assertThat(read.channel()).isEqualTo("room:a");
        assertThat(read.offset()).isEqualTo(Long.MAX_VALUE);
        assertThat(read.epoch()).isEqualTo("e1");
        assertThat(read.payload()).isEqualTo(PAYLOAD);
    }

    @Test
    void anotherVersionIsRefusedWithAnInstruction() {
        byte[] frame = ClusterFrames.write(NODE, new ClusterFrame.Leaving());
        frame[0] = 2;

        assertThatThrownBy(() -> ClusterFrames.read(frame)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 2").hasMessageContaining("same Hauyna version on every node");
    }

    @Test
    void everyTruncationIsRefused() {
        for (ClusterFrame.Body body : List.of(new ClusterFrame.Delivery(new Target.Group("staff", "admin", null), PAYLOAD),
                new ClusterFrame.Snapshot(EVERY_REPLICA), new ClusterFrame.Positioned("room:a", 7, "e1", PAYLOAD))) {
            byte[] whole = ClusterFrames.write(NODE, body);
            for (int length = 0; length < whole.length; length++) {
                byte[] cut = Arrays.copyOf(whole, length);
                assertThatThrownBy(() -> ClusterFrames.read(cut)).as("first %d bytes", length).isInstanceOf(IllegalArgumentException.class);
            }
            byte[] longer = Arrays.copyOf(whole, whole.length + 1);
            assertThatThrownBy(() -> ClusterFrames.read(longer)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after the end");
        }
    }

    @Property(tries = 3000)
    void anyBytesAreReadOrRefusedNeverThrownOtherwise(@ForAll byte[] bytes) {
        if (bytes.length > 1) {
            bytes[0] = ClusterFrames.VERSION;
            bytes[1] = (byte) Math.floorMod(bytes[1], 7);
        }
        Throwable thrown = catchThrowable(() -> ClusterFrames.read(bytes));

        assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(IllegalArgumentException.class));
    }
}
