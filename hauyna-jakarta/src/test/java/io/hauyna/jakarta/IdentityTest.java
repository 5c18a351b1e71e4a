package io.hauyna.jakarta;

import io.hauyna.jakarta.internal.handshake.PrincipalIdentifierResolver;
import io.hauyna.jakarta.spi.IdentifierResolver;
import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ReadyEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who a connection belongs to: application resolvers first, in priority order, then anonymous. */
class IdentityTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ReadyEndpoint.class)
            .withBeans(TokenResolver.class, FallbackResolver.class);

    /** Trusts "Authorization: Token <name>"; a stand-in for verifying a signed token. */
    @ApplicationScoped
    public static class TokenResolver implements IdentifierResolver {
        @Override
        public Optional<String> resolve(Handshake handshake) {
            return handshake.header("authorization").filter(h -> h.startsWith("Token ")).map(h -> h.substring(6));
        }
    }

    /** Asked after TokenResolver; answers only for ?guest, and proves that order holds. */
    @ApplicationScoped
    @Priority(IdentifierResolver.APPLICATION + 1)
    public static class FallbackResolver implements IdentifierResolver {
        @Override
        public Optional<String> resolve(Handshake handshake) {
            return handshake.queryParameter("guest").map(name -> "guest-" + name);
        }
    }

    private final Connections connections = server.bean(Connections.class);

    private Connection connectAndGet(String query, Map<String, String> headers) {
        TestClient client = TestClient.connect(server.uri("/ready" + query), headers);
        opened = client;
        assertThat(client.next()).isEqualTo(ReadyEndpoint.READY);
        return connections.connection(onlySession()).orElseThrow();
    }

    private TestClient opened;

    private jakarta.websocket.Session onlySession() {
        return connections.identifiers().stream()
                .flatMap(id -> connections.connectionsOf(id).stream())
                .findFirst().orElseThrow().session();
    }

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
        await().until(() -> connections.count() == 0);
    }

    @Test
    void anApplicationResolverIdentifiesTheConnection() {
        Connection connection = connectAndGet("", Map.of("Authorization", "Token alice"));
        assertThat(connection.identifier()).isEqualTo("alice");
        assertThat(connection.anonymous()).isFalse();
        assertThat(connection.headers()).as("credentials are not kept").doesNotContainKey("Authorization");
    }

    @Test
    void resolversAreAskedInPriorityOrder() {
        Connection connection = connectAndGet("?guest=bob", Map.of("Authorization", "Token carol"));
        assertThat(connection.identifier()).isEqualTo("carol");
    }

    @Test
    void aLaterResolverAnswersWhenEarlierOnesDoNot() {
        Connection connection = connectAndGet("?guest=bob", Map.of());
        assertThat(connection.identifier()).isEqualTo("guest-bob");
    }

    @Test
    void theContainersPrincipalIdentifiesByDefault() {
        Handshake authenticated = Handshake.of("/ready", URI.create("/ready"), Map.of(), () -> "dana");
        Handshake unauthenticated = Handshake.of("/ready", URI.create("/ready"), Map.of(), null);

        assertThat(new PrincipalIdentifierResolver().resolve(authenticated)).contains("dana");
        assertThat(new PrincipalIdentifierResolver().resolve(unauthenticated)).isEmpty();
    }

    @Test
    void theDevelopmentQueryParameterIsOffUnlessConfigured() {
        Connection connection = connectAndGet("?user_id=mallory", Map.of());
        assertThat(connection.identifier()).isEqualTo("anonymous:" + connection.id());
        assertThat(connection.anonymous()).isTrue();
    }
}
