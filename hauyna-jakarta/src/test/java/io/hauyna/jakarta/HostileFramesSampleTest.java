package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HostileFrames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The TCK draws hostile frames outside jqwik: the same seed must give the same frames, of every kind. */
class HostileFramesSampleTest {

    @Test
    void aSeedAlwaysDrawsTheSameFrames() {
        assertThat(HostileFrames.sample(42, 200, 1024)).isEqualTo(HostileFrames.sample(42, 200, 1024))
                .isNotEqualTo(HostileFrames.sample(43, 200, 1024))
                .hasSize(200)
                .anySatisfy(frame -> assertThat(frame).startsWith("{\"type\":"))
                .anySatisfy(frame -> assertThat(frame.length()).isGreaterThan(1024));
    }
}
