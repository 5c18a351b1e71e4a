package io.hauyna.jakarta.internal.integration.health;

import io.hauyna.jakarta.internal.ops.HealthState;
import io.hauyna.jakarta.internal.integration.OptionalIntegrations;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Hauyna's startup check (see {@link HealthState#startup()}); an application scoped bean where MicroProfile Health is. */
@Startup
public class HauynaStartupCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthResponses.of(OptionalIntegrations.bean(HealthState.class).startup());
    }
}
