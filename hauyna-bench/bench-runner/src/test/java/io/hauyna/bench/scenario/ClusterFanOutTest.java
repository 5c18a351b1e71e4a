package io.hauyna.bench.scenario;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterFanOutTest {

    private static final List<Integer> VISITS = List.of(1, 2, 3, 2, 1);

    @Test
    void eachSizeRecordsEveryRoundOnceOverItsVisits() {
        assertThat(ClusterFanOut.roundsOfVisit(0, VISITS, 5)).containsExactly(1, 2, 3);
        assertThat(ClusterFanOut.roundsOfVisit(4, VISITS, 5)).containsExactly(4, 5);
        assertThat(ClusterFanOut.roundsOfVisit(1, VISITS, 5)).containsExactly(1, 2, 3);
        assertThat(ClusterFanOut.roundsOfVisit(3, VISITS, 5)).containsExactly(4, 5);
        assertThat(ClusterFanOut.roundsOfVisit(2, VISITS, 5)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void withOneRoundTheLaterVisitRecordsNothing() {
        assertThat(ClusterFanOut.roundsOfVisit(0, VISITS, 1)).containsExactly(1);
        assertThat(ClusterFanOut.roundsOfVisit(4, VISITS, 1)).isEmpty();
        assertThat(ClusterFanOut.roundsOfVisit(2, VISITS, 1)).containsExactly(1);
    }
}
