package io.hauyna.tck.sample;

import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.tck.TckUris;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application, deployed as it is built (only renamed from ROOT.war so that it does not
 * compete with a server's own root context). Its development identity comes from its
 * {@code microprofile-config.properties}, so this also proves MicroProfile Config is read.
 */
@ExtendWith(ArquillianExtension.class)
class SampleIT {

    @Deployment(testable = false)
    static WebArchive sample() {
        File war = new File(System.getProperty("tck.sampleWar", "../../sample-war/target/ROOT.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Sample WAR not found at " + war.getAbsolutePath() + ": build sample-war first (./mvnw verify does)");
        }
        return ShrinkWrap.create(WebArchive.class, "hauyna-sample.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war));
    }

    @ArquillianResource
    URL base;

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void servesItsPage() throws Exception {
        URI page = URI.create("http://localhost:" + base.getPort() + base.getPath());
        // HTTP/1.1: the client's default h2c upgrade attempt made Open Liberty never answer.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<title>Hauyna sample: echo</title>");
    }

    @Test
    void chatRoomsCarryPresenceAndNotificationsArePrivate() {
        try (TestClient alice = TestClient.connect(TckUris.ws(base, "/chat?user_id=alice"))) {
            alice.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:lobby\",\"metadata\":{\"name\":\"alice\"},\"ref\":1}");
            List<String> frames = alice.next(3);
            assertThat(frames).contains("{\"type\":\"reply\",\"ref\":1,\"status\":\"ok\"}");
            assertThat(frames).anySatisfy(frame -> assertThat(frame)
                    .contains("\"type\":\"notification\"").contains("You joined room:lobby, nobody else is here yet"));
            JsonObject state = frames.stream().map(SampleIT::json).filter(f -> f.getString("type").equals("presence_state"))
                    .findFirst().orElseThrow();
            assertThat(state.getJsonObject("presences").keySet()).containsExactly("alice");

            alice.send("{\"type\":\"subscribe_channel\",\"channel\":\"notifications:bob\",\"ref\":2}");
            assertThat(json(alice.next()).getString("message"))
                    .isEqualTo("Notifications are private: you may only join notifications:alice");
        }
    }

    @Test
    void echoesWithTheIdentifierAndAnnouncesJoinsAndLeaves() {
        try (TestClient alice = TestClient.connect(TckUris.ws(base, "/echo/lobby?user_id=alice"))) {
            JsonObject welcome = json(alice.next());
            assertThat(welcome.getString("type")).isEqualTo("welcome");
            assertThat(welcome.getString("identifier")).as("identity from microprofile-config.properties").isEqualTo("alice");
            assertThat(welcome.getJsonArray("groups").toString()).isEqualTo("[\"room:lobby\"]");
            assertThat(json(alice.next()).getString("type")).isEqualTo("joined");

            alice.send("hello");
            JsonObject echo = json(alice.next());
            assertThat(echo.getString("type")).isEqualTo("echo");
            assertThat(echo.getString("text")).isEqualTo("hello");

            try (TestClient bob = TestClient.connect(TckUris.ws(base, "/echo/lobby?user_id=bob"))) {
                bob.next();
                JsonObject joined = json(alice.next());
                assertThat(joined.getString("type")).isEqualTo("joined");
                assertThat(joined.getString("identifier")).isEqualTo("bob");
            }
            JsonObject left = json(alice.next());
            assertThat(left.getString("type")).isEqualTo("left");
            assertThat(left.getString("identifier")).isEqualTo("bob");
        }
    }
}
