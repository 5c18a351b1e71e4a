package io.hauyna.jakarta;

import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A wrong configuration value fails the start-up with a message that says what to write instead. */
class ConfigurationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            hauyna.outbound.max-bytes       | 1MB   | hauyna.outbound.max-bytes is '1MB': use a whole number of bytes of at least 1
            hauyna.outbound.max-messages    | 0     | hauyna.outbound.max-messages is 0: use a value of at least 1
            hauyna.outbound.overflow        | block | hauyna.outbound.overflow is 'block': use one of close, drop-oldest
            hauyna.identity.allow-anonymous | yes   | hauyna.identity.allow-anonymous is 'yes': use true or false
            hauyna.groups.permissions.moderator | group_kik | hauyna.groups.permissions.moderator: Unknown group permission 'group_kik': use group_message, group_kick or none
            hauyna.channels.private         | notifications | hauyna.channels.private: pattern 'notifications' has no {variable}; write e.g. notifications:{id}
            hauyna.origins.require          | maybe | hauyna.origins.require is 'maybe': use true or false
            """)
    void aBadValueFailsStartUpWithInstructions(String key, String value, String message) {
        System.setProperty(key, value);
        try {
            assertThatThrownBy(() -> new Weld("config").initialize().shutdown()).hasStackTraceContaining(message);
        } finally {
            System.clearProperty(key);
        }
    }
}
