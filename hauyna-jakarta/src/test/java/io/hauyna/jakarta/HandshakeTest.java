package io.hauyna.jakarta;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Parsing rules of the handshake, which the socket tests exercise only through one server. */
class HandshakeTest {

    @Test
    void pathParametersMatchTheTemplateAfterTheContextPath() {
        Handshake handshake = Handshake.of("/chat/{room}/{topic}", URI.create("/my-app/chat/lobby%20one/a+b?room=x"), Map.of(), null);

        assertThat(handshake.pathParameters()).containsExactly(Map.entry("room", "lobby one"), Map.entry("topic", "a+b"));
        assertThat(handshake.queryParameters()).containsExactly(Map.entry("room", List.of("x")));
    }

    @Test
    void queryValuesAreFormDecoded() {
        Handshake handshake = Handshake.of("/x", URI.create("/x?a=1+2&b=%E2%82%AC&c=%25zz&a=3&&=empty-name"), Map.of(), null);

        assertThat(handshake.queryParameters()).containsExactly(
                Map.entry("a", List.of("1 2", "3")),
                Map.entry("b", List.of("€")),
                Map.entry("c", List.of("%zz")),
                Map.entry("", List.of("empty-name")));
        assertThat(handshake.queryParameter("a")).contains("1 2");
        assertThat(handshake.queryParameter("missing")).isEmpty();
        assertThat(handshake.pathParameters()).isEmpty();
    }

    @Test
    void headersAreCaseInsensitiveAndCanBeNarrowed() {
        Handshake handshake = Handshake.of("/x", URI.create("/x"),
                Map.of("Origin", List.of("http://a"), "Authorization", List.of("secret")), null);

        assertThat(handshake.header("ORIGIN")).contains("http://a");
        Handshake narrowed = handshake.withOnlyHeaders(List.of("origin", "user-agent"));
        assertThat(narrowed.headers()).containsOnlyKeys("origin");
        assertThat(narrowed.toString()).doesNotContain("secret");
    }
}
