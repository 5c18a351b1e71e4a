package io.hauyna.jakarta;

import io.hauyna.jakarta.spi.HandshakeContext;
import io.hauyna.jakarta.spi.HandshakeDecision;
import io.hauyna.jakarta.spi.HandshakeFilter;
import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ReadyEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Behind a trusted proxy (here the loopback address the tests connect from), connections count
 * under the address the proxy forwarded, and handshake filters see that address too.
 */
class TrustedProxiesTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ReadyEndpoint.class)
            .withBeans(AddressRecorder.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.LIMITS_CONNECTIONS_PER_ADDRESS, "2")
            .with(HauynaConfigKeys.LIMITS_TRUSTED_PROXIES, "127.0.0.0/8, ::1, 10.1.0.0/16");

    /** Attaches the address a filter is told to the connection's metadata. */
    @ApplicationScoped
    public static class AddressRecorder implements HandshakeFilter {
        @Override
        public HandshakeDecision filter(HandshakeContext context) {
            context.attach("address", context.remoteAddress().orElse("unknown"));
            return HandshakeDecision.proceed();
        }
    }

    private final Connections connections = server.bean(Connections.class);

    @AfterEach
    void allGone() {
        await().until(() -> connections.count() == 0);
    }

    @Test
    void eachForwardedClientHasItsOwnLimit() {
        try (TestClient a = connect("a", Map.of("X-Forwarded-For", "203.0.113.7"));
             TestClient b = connect("b", Map.of("X-Forwarded-For", "203.0.113.7"));
             TestClient c = TestClient.connect(server.uri("/ready?user_id=c"), Map.of("X-Forwarded-For", "203.0.113.7"));
             TestClient d = connect("d", Map.of("X-Forwarded-For", "203.0.113.8"))) {
            assertThat(c.awaitClose().getCloseCode().getCode()).isEqualTo(HauynaCloseCodes.TOO_MANY_CONNECTIONS.getCode());
            assertThat(connections.identifiers()).containsExactlyInAnyOrder("a", "b", "d");
            assertThat(addressOf("d")).isEqualTo("203.0.113.8");
        }
    }

    @Test
    void theClientIsTheLastAddressThatIsNotATrustedProxy() {
        try (TestClient a = connect("a", Map.of("X-Forwarded-For", "198.51.100.1, 198.51.100.9, 10.1.2.3"));
             TestClient b = connect("b", Map.of("Forwarded", "for=192.0.2.60", "X-Forwarded-For", "198.51.100.2"));
             TestClient c = connect("c", Map.of("X-Forwarded-For", "10.1.0.1"));
             TestClient d = connect("d", Map.of())) {
            assertThat(addressOf("a")).as("a client may prepend anything; the proxies' entries are the last ones")
                    .isEqualTo("198.51.100.9");
            assertThat(addressOf("b")).as("only the configured header counts: a client's own Forwarded passes proxies untouched")
                    .isEqualTo("198.51.100.2");
            assertThat(addressOf("c")).as("only proxies in the chain: the first of them").isEqualTo("10.1.0.1");
            assertThat(addressOf("d")).as("no header: the peer itself").isIn("127.0.0.1", "::1");
        }
    }

    private static TestClient connect(String user, Map<String, String> headers) {
        TestClient client = TestClient.connect(server.uri("/ready?user_id=" + user), headers);
        client.next();
        return client;
    }

    private String addressOf(String user) {
        return String.valueOf(connections.connectionsOf(user).get(0).metadata().get("address"));
    }
}
