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
            hauyna.outbound.container-buffer-bytes | -1 | hauyna.outbound.container-buffer-bytes is -1: use 0 (the container's own limit) or more
            hauyna.outbound.container-buffer-bytes | 64k | hauyna.outbound.container-buffer-bytes is '64k': use a whole number of bytes, 0 to keep the container's own limit
            hauyna.outbound.max-messages    | 0     | hauyna.outbound.max-messages is 0: use a value of at least 1
            hauyna.outbound.overflow        | block | hauyna.outbound.overflow is 'block': use one of close, drop-oldest
            hauyna.identity.allow-anonymous | yes   | hauyna.identity.allow-anonymous is 'yes': use true or false
            hauyna.groups.permissions.moderator | group_kik | hauyna.groups.permissions.moderator: Unknown group permission 'group_kik': use group_message, group_kick or none
            hauyna.channels.private         | notifications | hauyna.channels.private: pattern 'notifications' has no {variable}; write e.g. notifications:{id}
            hauyna.origins.require          | maybe | hauyna.origins.require is 'maybe': use true or false
            hauyna.inbound.max-depth        | 0     | hauyna.inbound.max-depth is 0: use a value of at least 1
            hauyna.inbound.max-depth        | 501   | hauyna.inbound.max-depth is 501: use 1 to 500
            hauyna.limits.forwarded-header  | X-Real-IP | hauyna.limits.forwarded-header: 'X-Real-IP' is not a forwarding header: use X-Forwarded-For or Forwarded
            hauyna.limits.subscriptions-per-connection | -1 | hauyna.limits.subscriptions-per-connection is -1: use 0 (off) or more
            hauyna.limits.presence-state-bytes | 4KiB | hauyna.limits.presence-state-bytes is '4KiB': use a whole number (0 is no limit)
            hauyna.limits.trusted-proxies   | proxy.example.com | hauyna.limits.trusted-proxies: 'proxy.example.com' is not an IP address or CIDR range: write e.g. 10.0.0.5, 10.0.0.0/8 or ::1
            hauyna.limits.trusted-proxies   | 10.0.0.0/33 | hauyna.limits.trusted-proxies: '10.0.0.0/33' has an invalid prefix length: use 0 to 32
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
