package io.hauyna.jakarta.internal.config;

import io.hauyna.jakarta.ErrorType;
import io.hauyna.jakarta.HauynaException;

import java.util.LinkedHashMap;
import java.util.Map;

/** The one shape of a refusal for a limit on what a connection or the application may hold. */
public final class Limits {

    private Limits() {
    }

    /**
     * @param what    what was refused and why, e.g. "This connection has joined 128 channels"
     * @param limit   the limit's name on the wire, e.g. {@code subscriptions-per-connection}
     * @param max     its configured value
     * @param key     the configuration key that sets it
     * @return a {@code limit_exceeded} error whose message names the limit and the key, with both in {@code details}
     */
    public static HauynaException exceeded(String what, String limit, long max, String key) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("limit", limit);
        details.put("max", max);
        details.put("key", key);
        return new HauynaException(ErrorType.LIMIT_EXCEEDED, what + ": the limit is " + max + " (" + key + ")", details);
    }
}
