package io.hauyna.jakarta.internal.integration.health;

import io.hauyna.jakarta.internal.ops.HealthState;
import io.hauyna.jakarta.internal.integration.OptionalIntegrations;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Hauyna's liveness check (see {@link HealthState#liveness()}); an application scoped bean where MicroProfile Health is. */
@Liveness
public class HauynaLivenessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthResponses.of(OptionalIntegrations.bean(HealthState.class).liveness());
    }
}
