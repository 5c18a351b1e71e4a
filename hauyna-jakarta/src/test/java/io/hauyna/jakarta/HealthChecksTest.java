package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hauyna's MicroProfile Health checks as a MicroProfile Health runtime finds them: beans of type
 * {@link HealthCheck} with the qualifier of their kind, added because the API is on the class path.
 * (The runtimes' HTTP endpoints are checked on real servers by the TCK's {@code OperationsIT}.)
 */
class HealthChecksTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");

    private static HealthCheckResponse check(java.lang.annotation.Annotation kind) {
        return server.bean(HealthCheck.class, kind).call();
    }

    @Test
    void upWithWhatAnOperatorWantsToSee() {
        try (TestClient ana = ProtocolEndpoint.connectAs(server, "ana")) {
            HealthCheckResponse startup = check(Startup.Literal.INSTANCE);
            HealthCheckResponse liveness = check(Liveness.Literal.INSTANCE);
            HealthCheckResponse readiness = check(Readiness.Literal.INSTANCE);

            assertThat(startup.getName()).isEqualTo("hauyna");
            assertThat(startup.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(liveness.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            // Weld SE has no ManagedScheduledExecutorService: Hauyna's own thread ticks.
            assertThat(liveness.getData().orElseThrow())
                    .containsAllEntriesOf(Map.of("scheduler", "running", "executor", "hauyna-scheduler", "application", "hauyna"));
            assertThat(readiness.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(readiness.getData().orElseThrow()).containsAllEntriesOf(Map.of("cluster", "off", "connections", 1L));
        }
    }
}
