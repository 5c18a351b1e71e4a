package io.hauyna.jakarta.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The bytes that cross the backplane: every target survives the trip, and damage is always an IllegalArgumentException. */
class ClusterFramesTest {

    private static final UUID NODE = UUID.randomUUID();
    private static final byte[] PAYLOAD = "{\"text\":\"héllo €uro 😀\"}".getBytes(StandardCharsets.UTF_8);

    private static ClusterFrame roundTrip(Target target) {
        byte[] frame = ClusterFrames.delivery(NODE, target, PAYLOAD);
        ClusterFrames.stamp(frame, 42);
        return ClusterFrames.read(frame);
    }

    @Test
    void everyTargetArrivesWithoutTheExcludedConnection() {
        assertThat(roundTrip(new Target.Everyone()).target()).isEqualTo(new Target.Everyone());
        assertThat(roundTrip(new Target.Channel("room:ü", "conn-1")).target()).isEqualTo(new Target.Channel("room:ü", null));
        assertThat(roundTrip(new Target.Identifiers(Set.of("alice", "bøb", ""))).target())
                .isEqualTo(new Target.Identifiers(Set.of("alice", "bøb", "")));
        assertThat(roundTrip(new Target.Identifiers(Set.of())).target()).isEqualTo(new Target.Identifiers(Set.of()));
        assertThat(roundTrip(new Target.Group("staff", "admin", "conn-1")).target()).isEqualTo(new Target.Group("staff", "admin", null));
        assertThat(roundTrip(new Target.Group("staff", null, null)).target()).isEqualTo(new Target.Group("staff", null, null));
    }

    @Test
    void theHeaderAndPayloadArriveAsWritten() {
        ClusterFrame frame = roundTrip(new Target.Channel("room", null));

        assertThat(frame.node()).isEqualTo(NODE);
        assertThat(frame.seq()).isEqualTo(42);
        assertThat(frame.kind()).isEqualTo(ClusterFrame.Kind.DELIVERY);
        assertThat(frame.payload()).isEqualTo(PAYLOAD);
    }

    @Test
    void signalsCarryOnlyTheHeader() {
        for (ClusterFrame.Kind kind : new ClusterFrame.Kind[]{ClusterFrame.Kind.HEARTBEAT, ClusterFrame.Kind.LEAVING}) {
            byte[] bytes = ClusterFrames.signal(NODE, kind);
            ClusterFrames.stamp(bytes, 7);
            ClusterFrame frame = ClusterFrames.read(bytes);

            assertThat(frame.kind()).isEqualTo(kind);
            assertThat(frame.node()).isEqualTo(NODE);
            assertThat(frame.seq()).isEqualTo(7);
            assertThat(frame.target()).isNull();
            assertThat(frame.payload()).isEmpty();
        }
    }

    @Test
    void anotherVersionIsRefusedWithAnInstruction() {
        byte[] frame = ClusterFrames.signal(NODE, ClusterFrame.Kind.HEARTBEAT);
        frame[0] = 2;

        assertThatThrownBy(() -> ClusterFrames.read(frame)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 2").hasMessageContaining("same Hauyna version on every node");
    }

    @Test
    void everyTruncationIsRefused() {
        byte[] whole = ClusterFrames.delivery(NODE, new Target.Group("staff", "admin", null), PAYLOAD);
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> ClusterFrames.read(cut)).as("first %d bytes", length).isInstanceOf(IllegalArgumentException.class);
        }
        byte[] longer = Arrays.copyOf(whole, whole.length + 1);
        assertThatThrownBy(() -> ClusterFrames.read(longer)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after the payload");
    }

    @Property(tries = 2000)
    void anyBytesAreReadOrRefusedNeverThrownOtherwise(@ForAll byte[] bytes) {
        if (bytes.length > 0) {
            bytes[0] = ClusterFrames.VERSION;
        }
        Throwable thrown = catchThrowable(() -> ClusterFrames.read(bytes));

        assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(IllegalArgumentException.class));
    }
}
