package io.hauyna.jakarta;

import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A wrong configuration value fails the start-up with a message that says what to write instead. */
class ConfigurationTest {

    @AfterEach
    void clear() {
        System.clearProperty(HauynaConfigKeys.OUTBOUND_MAX_BYTES);
        System.clearProperty(HauynaConfigKeys.OUTBOUND_OVERFLOW);
        System.clearProperty(HauynaConfigKeys.OUTBOUND_MAX_MESSAGES);
        System.clearProperty(HauynaConfigKeys.IDENTITY_ALLOW_ANONYMOUS);
    }

    @Test
    void aNumberThatIsNotANumber() {
        System.setProperty(HauynaConfigKeys.OUTBOUND_MAX_BYTES, "1MB");
        assertThatThrownBy(() -> new Weld("config").initialize().shutdown())
                .hasStackTraceContaining("hauyna.outbound.max-bytes is '1MB': use a whole number of bytes of at least 1");
    }

    @Test
    void aLimitBelowOne() {
        System.setProperty(HauynaConfigKeys.OUTBOUND_MAX_MESSAGES, "0");
        assertThatThrownBy(() -> new Weld("config").initialize().shutdown())
                .hasStackTraceContaining("hauyna.outbound.max-messages is 0: use a value of at least 1");
    }

    @Test
    void anUnknownOverflowPolicy() {
        System.setProperty(HauynaConfigKeys.OUTBOUND_OVERFLOW, "block");
        assertThatThrownBy(() -> new Weld("config").initialize().shutdown())
                .hasStackTraceContaining("hauyna.outbound.overflow is 'block': use one of close, drop-oldest");
    }

    @Test
    void aBooleanThatIsNotABoolean() {
        System.setProperty(HauynaConfigKeys.IDENTITY_ALLOW_ANONYMOUS, "yes");
        assertThatThrownBy(() -> new Weld("config").initialize().shutdown())
                .hasStackTraceContaining("hauyna.identity.allow-anonymous is 'yes': use true or false");
    }
}
