package io.hauyna.jakarta;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error the client should be told about, with its type. Throw it from an event observer (or
 * pass it to {@link ErrorHandler#handle}) and the client receives that {@code error_type} and this
 * message, instead of an {@code internal_error}.
 *
 * @since 0.1
 */
public class HauynaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorType errorType;
    private final transient Map<String, Object> details;

    /**
     * @param errorType the type the client receives
     * @param message   what the client should change; it is sent as it is, so keep internals out
     */
    public HauynaException(ErrorType errorType, String message) {
        this(errorType, message, Map.of());
    }

    /**
     * @param details machine-readable specifics sent as the frame's {@code details} object, e.g. the
     *                violated fields; values may be strings, numbers, booleans, lists and maps
     */
    public HauynaException(ErrorType errorType, String message, Map<String, Object> details) {
        super(message);
        this.errorType = Objects.requireNonNull(errorType, "errorType");
        // Kept in the caller's order, so the frame's bytes are stable; no nulls, like Map.copyOf.
        Map<String, Object> copy = new LinkedHashMap<>();
        details.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "details key"), Objects.requireNonNull(value, "details value")));
        this.details = Collections.unmodifiableMap(copy);
    }

    /** @return the specifics sent to the client; empty when none */
    public Map<String, Object> details() {
        return details;
    }

    /** @return the type the client receives */
    public ErrorType errorType() {
        return errorType;
    }
}
