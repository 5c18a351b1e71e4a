package io.hauyna.jakarta.internal.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionHistoryTest {

    @Test
    void eachSampleCountsWhatHappenedSinceThePreviousOne() {
        ConnectionHistory history = new ConnectionHistory();
        history.sample(100, 3, 1_000, 50);
        history.sample(101, 4, 1_250, 60);

        assertThat(history.samples()).containsExactly(
                new ConnectionHistory.Sample(100, 3, 0, 0),
                new ConnectionHistory.Sample(101, 4, 250, 10));
    }

    @Test
    void keepsOnlyTheLastFiveMinutesOldestFirst() {
        ConnectionHistory history = new ConnectionHistory();
        for (int second = 0; second < ConnectionHistory.SECONDS + 20; second++) {
            history.sample(second, second, 0, 0);
        }
        assertThat(history.samples()).hasSize(ConnectionHistory.SECONDS);
        assertThat(history.samples().get(0).epochSecond()).isEqualTo(20);
        assertThat(history.samples().get(ConnectionHistory.SECONDS - 1).epochSecond()).isEqualTo(ConnectionHistory.SECONDS + 19);
    }
}
