package io.hauyna.jakarta.internal.integration.health;

import io.hauyna.jakarta.internal.ops.HealthState;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a {@link HealthState.Check} into MicroProfile Health's response, named {@code hauyna}.
 * Built with the constructor, not the builder: the builder needs the runtime's provider, which
 * is not there outside a server (and the constructor exists since MicroProfile Health 3.0).
 */
final class HealthResponses {

    static final String NAME = "hauyna";

    private HealthResponses() {
    }

    static HealthCheckResponse of(HealthState.Check check) {
        // MicroProfile Health carries strings, longs and booleans.
        Map<String, Object> data = new TreeMap<>();
        check.data().forEach((key, value) -> data.put(key, value instanceof Number number ? (Object) number.longValue()
                : value instanceof Boolean ? value : String.valueOf(value)));
        return new HealthCheckResponse(NAME, check.up() ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(data));
    }
}
