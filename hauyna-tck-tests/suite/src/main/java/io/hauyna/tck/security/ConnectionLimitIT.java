package io.hauyna.tck.security;

import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.tck.TckArchive;
import io.hauyna.tck.TckProtocolEndpoint;
import io.hauyna.tck.TckUris;
import jakarta.websocket.CloseReason;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.Map;

import static io.hauyna.tck.TckProtocolClients.connect;
import static org.assertj.core.api.Assertions.assertThat;

/** The per-identifier connection limit on a real server. */
@ExtendWith(ArquillianExtension.class)
class ConnectionLimitIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TckArchive.war("tck-connection-limit", Map.of(HauynaConfigKeys.LIMITS_CONNECTIONS_PER_IDENTIFIER, "2"),
                TckProtocolEndpoint.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void aThirdConnectionOfOneUserIsClosedWith4030() {
        try (TestClient tab1 = connect(base, "alice", ""); TestClient tab2 = connect(base, "alice", "");
             TestClient tab3 = TestClient.connect(TckUris.ws(base, "/protocol?user_id=alice"))) {
            CloseReason reason = tab3.awaitClose();
            assertThat(reason.getCloseCode().getCode()).isEqualTo(4030);
            assertThat(reason.getReasonPhrase()).startsWith("Too many connections for this user (at most 2)");
            tab1.send("{\"type\":\"ping\",\"ref\":1}");
            assertThat(tab1.next()).isEqualTo("{\"type\":\"pong\",\"ref\":1}");
        }
    }
}
