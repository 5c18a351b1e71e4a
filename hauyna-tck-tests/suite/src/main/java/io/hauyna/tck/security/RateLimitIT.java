package io.hauyna.tck.security;

import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.tck.TckArchive;
import io.hauyna.tck.TckProtocolEndpoint;
import jakarta.websocket.CloseReason;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static io.hauyna.tck.TckProtocolClients.connect;
import static org.assertj.core.api.Assertions.assertThat;

/** The inbound rate limit on a real server (10 frames/s, bursts of 20). */
@ExtendWith(ArquillianExtension.class)
class RateLimitIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TckArchive.war("tck-rate-limit", Map.of(
                        HauynaConfigKeys.RATE_LIMIT_PER_SECOND, "10",
                        HauynaConfigKeys.RATE_LIMIT_BURST, "20"),
                TckProtocolEndpoint.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void aFloodIsLimitedThenClosedWhileAnotherClientIsUnaffected() {
        try (TestClient flooder = connect(base, "flooder", ""); TestClient neighbour = connect(base, "neighbour", "")) {
            try {
                // 100: the burst (20) and a burst of refusals in a row (20) with room to spare, but few enough
                // that the server has read them all when it closes; frames still unread then make its
                // kernel reset the socket, and the client sees 1006 instead of 4029 (docs/PROTOCOL.md).
                for (int i = 0; i < 100; i++) {
                    flooder.send("{\"type\":\"ping\",\"ref\":" + i + "}");
                }
            } catch (RuntimeException | AssertionError closedMeanwhile) {
                // The server closed the flooder mid-burst.
            }
            CloseReason reason = flooder.awaitClose();
            List<String> received = flooder.drain();

            assertThat(reason.getCloseCode().getCode()).isEqualTo(4029);
            assertThat(received).anySatisfy(frame -> assertThat(frame).startsWith("{\"type\":\"error\",\"error_type\":\"rate_limited\""));
            neighbour.send("{\"type\":\"ping\",\"ref\":\"fine\"}");
            assertThat(neighbour.next()).isEqualTo("{\"type\":\"pong\",\"ref\":\"fine\"}");
        }
    }
}
