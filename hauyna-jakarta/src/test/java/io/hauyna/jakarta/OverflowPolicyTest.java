package io.hauyna.jakarta;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OverflowPolicyTest {

    @Test
    void configValuesRoundTrip() {
        for (OverflowPolicy policy : OverflowPolicy.values()) {
            assertThat(OverflowPolicy.fromConfigValue(policy.configValue())).isEqualTo(policy);
        }
        assertThat(OverflowPolicy.fromConfigValue(" Drop-Oldest ")).isEqualTo(OverflowPolicy.DROP_OLDEST);
    }
}
