package io.hauyna.tck.routes;

import io.hauyna.jakarta.testing.HandshakeProbe;
import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.tck.TckArchive;
import io.hauyna.tck.TckUris;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A route registered in code is deployed through the server's ServerContainer and behaves like an annotated endpoint. */
@ExtendWith(ArquillianExtension.class)
class RoutesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TckArchive.war("tck-routes", TckRoutes.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void pathAndQueryParametersArriveSeparatelyAndTheProtocolWorks() {
        try (TestClient alice = TestClient.connect(TckUris.ws(base, "/routes/lobby?user_id=alice&room=attic"))) {
            assertThat(alice.next()).isEqualTo("{\"identifier\":\"alice\",\"path\":{\"room\":\"lobby\"},"
                    + "\"query\":{\"user_id\":[\"alice\"],\"room\":[\"attic\"]},\"route\":\"/routes/{room}\",\"type\":\"welcome\"}");
            alice.send("{\"type\":\"ping\",\"ref\":1}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"pong\",\"ref\":1}");
        }
    }

    @Test
    void aRouteOffersTheHauynaSubprotocolAndPassesTheOriginCheck() {
        try (TestClient bob = TestClient.connect(TckUris.ws(base, "/routes/attic?user_id=bob"), Map.of(), List.of("hauyna"))) {
            assertThat(bob.negotiatedSubprotocol()).isEqualTo("hauyna");
        }
        assertThat(HandshakeProbe.status(TckUris.ws(base, "/routes/attic?user_id=eve"), Map.of("Origin", "https://evil.example")))
                .isEqualTo(403);
    }
}
