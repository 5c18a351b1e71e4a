package io.hauyna.jakarta.internal.handshake;

import io.hauyna.jakarta.Handshake;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The same-origin rule compares scheme, host and port; over TLS a plain-http page is another origin. */
class OriginPolicyTest {

    private static final OriginPolicy SAME_ORIGIN = new OriginPolicy(List.of(), false);

    private static boolean accepted(String requestUri, String origin, String host) {
        Handshake handshake = Handshake.of("/chat", URI.create(requestUri), Map.of("Origin", List.of(origin), "Host", List.of(host)), null);
        return SAME_ORIGIN.refusal(handshake).isEmpty();
    }

    @Test
    void sameHostAndPortWithTheDefaultPortsOfEachScheme() {
        assertThat(accepted("http://example.com/chat", "http://example.com", "example.com")).isTrue();
        assertThat(accepted("http://example.com:8080/chat", "http://EXAMPLE.com:8080", "example.com:8080")).isTrue();
        assertThat(accepted("https://example.com/chat", "https://example.com", "example.com")).isTrue();
        assertThat(accepted("http://example.com:8080/chat", "http://example.com:8081", "example.com:8080")).isFalse();
        assertThat(accepted("http://example.com/chat", "http://evil.example.com", "example.com")).isFalse();
        assertThat(accepted("http://[::1]:8080/chat", "http://[::1]:8080", "[::1]:8080")).isTrue();
    }

    @Test
    void overTlsAPlainHttpPageOfTheSameHostIsRefused() {
        assertThat(accepted("wss://example.com/chat", "http://example.com:443", "example.com")).isFalse();
        assertThat(accepted("https://example.com/chat", "http://example.com", "example.com:80")).isFalse();
        assertThat(accepted("https://example.com/chat", "https://example.com", "example.com")).isTrue();
    }

    @Test
    void behindATlsTerminatingProxyTheHttpsPageIsAccepted() {
        assertThat(accepted("http://example.com/chat", "https://example.com", "example.com")).isTrue();
    }

    @Test
    void aRequiredOriginIsNotHeldAgainstAHandshakeCheckWhichBrowsersSendWithoutOne() {
        OriginPolicy required = new OriginPolicy(List.of(), true);
        Handshake noOrigin = Handshake.of("/chat", URI.create("http://example.com/chat"), Map.of("Host", List.of("example.com")), null);

        assertThat(required.refusal(noOrigin)).isPresent();
        assertThat(required.refusal(noOrigin, true)).isEmpty();
    }
}
