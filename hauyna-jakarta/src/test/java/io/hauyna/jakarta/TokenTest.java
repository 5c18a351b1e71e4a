package io.hauyna.jakarta;

import io.hauyna.jakarta.spi.TokenVerifier;
import io.hauyna.jakarta.spi.VerifiedToken;
import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bearer tokens from the Authorization header, a subprotocol entry or the query; invalid ones refused; expiry closes. */
class TokenTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .withBeans(Verifier.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.HEARTBEAT_INTERVAL, "1");

    /** "valid.NAME" is NAME's forever, "short.NAME" for one second; anything else is invalid. */
    @ApplicationScoped
    public static class Verifier implements TokenVerifier {
        @Override
        public Optional<VerifiedToken> verify(String token) {
            if (token.startsWith("valid.")) {
                return Optional.of(VerifiedToken.of(token.substring(6)));
            }
            if (token.startsWith("short.")) {
                return Optional.of(new VerifiedToken(token.substring(6), Instant.now().plusSeconds(1)));
            }
            return Optional.empty();
        }
    }

    private static String pong(TestClient client) {
        client.send("{\"type\":\"ping\",\"ref\":1}");
        return client.next();
    }

    private static Optional<Connection> connectionOf(String identifier) {
        return server.bean(Connections.class).connectionsOf(identifier).stream().findFirst();
    }

    @Test
    void aBrowserPassesItsTokenAsASubprotocolAndGetsTheHauynaSubprotocolBack() {
        try (TestClient alice = TestClient.connect(server.uri("/protocol"), Map.of(), List.of("hauyna", "bearer.valid.alice"))) {
            assertThat(pong(alice)).isEqualTo("{\"type\":\"pong\",\"ref\":1}");

            assertThat(alice.negotiatedSubprotocol()).isEqualTo("hauyna");
            assertThat(connectionOf("alice")).get().extracting(Connection::anonymous).isEqualTo(false);
            assertThat(connectionOf("alice").get().credentialsExpireAt()).isEmpty();
        }
    }

    @Test
    void aServerClientUsesTheAuthorizationHeaderAndAQueryParameterWorksToo() {
        try (TestClient bob = TestClient.connect(server.uri("/protocol"), Map.of("Authorization", "Bearer valid.bob"));
             TestClient carol = TestClient.connect(server.uri("/protocol?access_token=valid.carol"))) {
            pong(bob);
            pong(carol);

            assertThat(connectionOf("bob")).isPresent();
            assertThat(connectionOf("carol").get().queryParameters()).as("the token does not stay in memory").doesNotContainKey("access_token");
        }
    }

    @Test
    void aVerifiedTokenWinsOverTheDevelopmentQueryParameter() {
        try (TestClient dave = TestClient.connect(server.uri("/protocol?user_id=admin&access_token=valid.dave"))) {
            pong(dave);

            assertThat(connectionOf("dave")).isPresent();
            assertThat(connectionOf("admin")).isEmpty();
        }
    }

    @Test
    void anInvalidTokenIsRefusedEvenWhenAnotherIdentityWouldDo() {
        try (TestClient forger = TestClient.connect(server.uri("/protocol?user_id=eve"), Map.of(), List.of("hauyna", "bearer.forged.eve"))) {
            CloseReason reason = forger.awaitClose();

            assertThat(reason.getCloseCode()).isEqualTo(HauynaCloseCodes.HANDSHAKE_REFUSED);
            assertThat(reason.getReasonPhrase()).isEqualTo("The token is not valid or has expired: sign in again");
        }
        assertThat(connectionOf("eve")).isEmpty();
    }

    @Test
    void aConnectionIsClosedWith4001WhenItsCredentialExpires() {
        try (TestClient frank = TestClient.connect(server.uri("/protocol?access_token=short.frank"))) {
            pong(frank);
            assertThat(connectionOf("frank").get().credentialsExpireAt()).isPresent();

            CloseReason reason = frank.awaitClose();

            assertThat(reason.getCloseCode().getCode()).isEqualTo(HauynaCloseCodes.CREDENTIALS_EXPIRED.getCode());
            assertThat(reason.getReasonPhrase()).isEqualTo("Credentials expired: reconnect with fresh ones");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> connectionOf("frank").isEmpty());
    }
}
