package io.hauyna.jakarta.internal.integration.health;

import io.hauyna.jakarta.internal.ops.HealthState;
import io.hauyna.jakarta.internal.integration.OptionalIntegrations;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Hauyna's readiness check (see {@link HealthState#readiness()}); an application scoped bean where MicroProfile Health is. */
@Readiness
public class HauynaReadinessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthResponses.of(OptionalIntegrations.bean(HealthState.class).readiness());
    }
}
