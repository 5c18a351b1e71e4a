package io.hauyna.tck.security;

import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.testing.HandshakeProbe;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bearer tokens at the handshake on a real server: a browser-style subprotocol, 401 for bad or missing credentials, expiry. */
@ExtendWith(ArquillianExtension.class)
class TokenIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TckArchive.war("tck-token", Map.of(HauynaConfigKeys.IDENTITY_ALLOW_ANONYMOUS, "false"),
                TckProtocolEndpoint.class, TckTokenVerifier.class, ServerStats.class);
    }

    @ArquillianResource
    URL base;

    private static String stats(TestClient client) {
        client.send("{\"type\":\"event\",\"event\":\"stats\",\"ref\":\"s\"}");
        return client.next();
    }

    @Test
    void aTokenInTheSubprotocolIdentifiesTheConnectionAndHauynaIsSelected() {
        try (TestClient alice = TestClient.connect(TckUris.ws(base, "/protocol"), Map.of(), List.of("hauyna", "bearer.valid.alice"))) {
            assertThat(alice.negotiatedSubprotocol()).isEqualTo("hauyna");
            assertThat(stats(alice)).contains("\"identifiers\":[\"alice\"]");
        }
    }

    @Test
    void anInvalidOrMissingCredentialIsRefusedWith401() {
        assertThat(HandshakeProbe.upgrade(TckUris.ws(base, "/protocol"), Map.of(), List.of("hauyna", "bearer.forged.alice")).status())
                .isEqualTo(401);
        assertThat(HandshakeProbe.status(TckUris.ws(base, "/protocol?access_token=forged"), Map.of())).isEqualTo(401);
        assertThat(HandshakeProbe.status(TckUris.ws(base, "/protocol"), Map.of()))
                .as("no credentials, and anonymous connections are refused").isEqualTo(401);
        assertThat(HandshakeProbe.status(TckUris.ws(base, "/protocol"), Map.of("Authorization", "Bearer valid.carol"))).isEqualTo(101);
    }

    @Test
    void theConnectionIsClosedWhenItsCredentialExpires() {
        try (TestClient dave = TestClient.connect(TckUris.ws(base, "/protocol?access_token=short.dave"))) {
            assertThat(stats(dave)).contains("\"dave\"");

            CloseReason reason = dave.awaitClose();

            assertThat(reason.getCloseCode().getCode()).isEqualTo(4001);
        }
    }
}
