package io.hauyna.jakarta;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What Hauyna does when a message does not fit in a connection's bounded outbound queue, because
 * the client reads more slowly than the server writes. Chosen with
 * {@link HauynaConfigKeys#OUTBOUND_OVERFLOW}. Other connections are never affected.
 *
 * @since 0.1
 */
public enum OverflowPolicy {

    /**
     * Close the slow connection with {@link HauynaCloseCodes#SLOW_CONSUMER}; queued messages are
     * discarded. A client that reconnects starts with an empty queue. The default: a client that
     * silently misses messages is worse than one that knows it must catch up.
     */
    CLOSE,

    /**
     * Discard the oldest queued messages until the new one fits; the connection stays open. For
     * feeds where only recent messages matter (tickers, cursors).
     */
    DROP_OLDEST;

    /** @return the configuration value of this policy, e.g. {@code drop-oldest} */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param value a configuration value, case-insensitive
     * @return the policy it names
     * @throws IllegalArgumentException naming the accepted values, when it names none
     */
    public static OverflowPolicy fromConfigValue(String value) {
        for (OverflowPolicy policy : values()) {
            if (policy.configValue().equalsIgnoreCase(value.trim())) {
                return policy;
            }
        }
        throw new IllegalArgumentException(HauynaConfigKeys.OUTBOUND_OVERFLOW + " is '" + value + "': use one of "
                + Arrays.stream(values()).map(OverflowPolicy::configValue).collect(Collectors.joining(", ")));
    }
}
