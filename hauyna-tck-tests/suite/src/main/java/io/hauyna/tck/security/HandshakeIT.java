package io.hauyna.tck.security;

import io.hauyna.jakarta.testing.HandshakeProbe;
import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.tck.TckArchive;
import io.hauyna.tck.TckProtocolEndpoint;
import io.hauyna.tck.TckUris;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.hauyna.tck.TckProtocolClients.connect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handshake filters and the origin check refuse upgrades with real HTTP statuses before the
 * WebSocket opens, on every server; an accepted upgrade passes the filters exactly once.
 */
@ExtendWith(ArquillianExtension.class)
class HandshakeIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TckArchive.war("tck-handshake", TckProtocolEndpoint.class, GateFilter.class, ServerStats.class);
    }

    @ArquillianResource
    URL base;

    private URI protocol(String query) {
        return TckUris.ws(base, "/protocol?" + query);
    }

    private static String stats(TestClient client) {
        client.send("{\"type\":\"event\",\"event\":\"stats\",\"ref\":\"s\"}");
        return client.next();
    }

    @Test
    void aRefusedUpgradeGetsItsHttpStatusAndLeavesNothingBehind() {
        try (TestClient watcher = connect(base, "watcher", "")) {
            for (int status : new int[] {401, 403, 429}) {
                HandshakeProbe.Result result = HandshakeProbe.upgrade(protocol("user_id=intruder&deny=" + status), Map.of(), List.of());

                assertThat(result.status()).isEqualTo(status);
            }
            assertThat(stats(watcher)).contains("\"connections\":1,").contains("\"identifiers\":[\"watcher\"]");
        }
    }

    @Test
    void noSpellingOfThePathEscapesTheFilter() {
        for (String path : new String[] {"/%70rotocol", "/protocol;x=1", "/protocol/"}) {
            URI uri = TckUris.ws(base, path + "?user_id=sneaky&deny=403");
            HandshakeProbe.Result result = HandshakeProbe.upgrade(uri, Map.of(), List.of());

            assertThat(result.status()).as(path + " is refused (403), or not routed at all").isNotEqualTo(101);
        }
    }

    @Test
    void anAcceptedUpgradePassesTheFilterOnceAndCarriesItsAttachment() {
        try (TestClient watcher = connect(base, "counter", "")) {
            String before = stats(watcher);
            int callsBefore = Integer.parseInt(before.replaceAll(".*\"filterCalls\":(\\d+).*", "$1"));
            try (TestClient second = connect(base, "second", "")) {
                String after = stats(second);

                assertThat(after).contains("\"filterCalls\":" + (callsBefore + 1) + ",");
                assertThat(after).containsPattern("\"metadata\":\\{\"remote\":\"[^\"]+\"\\}");
                assertThat(after).doesNotContain("\"remote\":\"unknown\"");
            }
        }
    }

    @Test
    void theHandshakeCheckTellsAPlainRequestWhatTheUpgradeWouldGet() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String query : new String[] {"user_id=checker", "user_id=checker&deny=401", "user_id=checker&deny=429"}) {
            URI uri = URI.create(protocol(query).toString().replaceFirst("^ws", "http"));
            int status = http.send(HttpRequest.newBuilder(uri).header("X-Hauyna-Handshake-Check", "1").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();

            assertThat(status).as(query).isEqualTo(query.contains("deny=") ? Integer.parseInt(query.substring(query.length() - 3)) : 204);
        }
    }

    @Test
    void aCrossOriginUpgradeIsRefusedWith403WhileSameOriginAndNoOriginConnect() {
        String sameOrigin = "http://localhost:" + base.getPort();

        assertThat(HandshakeProbe.status(protocol("user_id=page"), Map.of("Origin", "https://evil.example"))).isEqualTo(403);
        assertThat(HandshakeProbe.status(protocol("user_id=page"), Map.of("Origin", sameOrigin))).isEqualTo(101);
        assertThat(HandshakeProbe.status(protocol("user_id=tool"), Map.of())).isEqualTo(101);
    }
}
