package io.hauyna.jakarta.internal.cluster;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** How a node keeps track of the others: sequence gaps, duplicates, silence and goodbyes. */
class ClusterPeersTest {

    private final AtomicLong nanos = new AtomicLong();
    private final List<String> events = new ArrayList<>();
    private final ClusterPeers peers = new ClusterPeers(Duration.ofSeconds(3), nanos::get, new ClusterPeers.Listener() {
        @Override
        public void joined(UUID node) {
            events.add("joined " + node);
        }

        @Override
        public void gone(UUID node, String why) {
            events.add("gone " + node + " " + why);
        }
    });
    private final UUID a = UUID.randomUUID();

    @Test
    void aNodeJoinsWithItsFirstFrameWhateverItsNumber() {
        assertThat(peers.heard(a, 17)).isTrue();
        assertThat(peers.heard(a, 18)).isTrue();

        assertThat(events).containsExactly("joined " + a);
        assertThat(peers.nodes()).containsExactly(a);
        assertThat(peers.missedFrames()).isZero();
    }

    @Test
    void aGapIsCountedAndTheFrameStillAccepted() {
        peers.heard(a, 1);

        assertThat(peers.heard(a, 5)).isTrue();
        assertThat(peers.missedFrames()).isEqualTo(3);
    }

    @Test
    void aFrameNumberedAtOrBelowTheLastIsDropped() {
        peers.heard(a, 1);
        peers.heard(a, 2);

        assertThat(peers.heard(a, 2)).isFalse();
        assertThat(peers.heard(a, 1)).isFalse();
        assertThat(peers.staleFrames()).isEqualTo(2);
        assertThat(peers.heard(a, 3)).isTrue();
    }

    @Test
    void aSilentNodeIsGoneAfterTheTimeoutAndANewFrameIsANewJoin() {
        peers.heard(a, 1);
        nanos.addAndGet(Duration.ofMillis(2_900).toNanos());
        peers.expireSilent();
        assertThat(peers.nodes()).containsExactly(a);

        nanos.addAndGet(Duration.ofMillis(200).toNanos());
        peers.expireSilent();
        assertThat(peers.nodes()).isEmpty();
        assertThat(events).containsExactly("joined " + a, "gone " + a + " silent for 3100 ms");

        assertThat(peers.heard(a, 2)).isTrue();
        assertThat(events).last().isEqualTo("joined " + a);
    }

    @Test
    void aNodeThatLeavesIsGoneAtOnce() {
        peers.heard(a, 1);
        peers.left(a);
        peers.left(a);

        assertThat(peers.nodes()).isEmpty();
        assertThat(events).containsExactly("joined " + a, "gone " + a + " left");
    }

    @Test
    void aGapMeansThisNodeNoLongerHoldsTheWholeStateUntilTheNextSnapshot() {
        peers.heard(a, 1);
        assertThat(peers.inSync()).isEmpty();
        peers.synced(a);
        assertThat(peers.inSync()).containsExactly(a);

        peers.heard(a, 3);
        assertThat(peers.inSync()).isEmpty();
        peers.synced(a);
        assertThat(peers.inSync()).containsExactly(a);
    }

    @Test
    void afterThisNodeItselfWasPausedTheOthersAreNotCountedSilent() {
        peers.heard(a, 1);
        nanos.addAndGet(Duration.ofSeconds(8).toNanos());

        peers.expireSilent();
        assertThat(peers.nodes()).as("8 s without running: this node's own pause").containsExactly(a);

        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        peers.expireSilent();
        assertThat(peers.nodes()).containsExactly(a);
        for (int i = 0; i < 6; i++) {
            nanos.addAndGet(Duration.ofMillis(500).toNanos());
            peers.expireSilent();
        }
        assertThat(peers.nodes()).as("still silent 3.5 s after this node resumed").isEmpty();
    }
}
