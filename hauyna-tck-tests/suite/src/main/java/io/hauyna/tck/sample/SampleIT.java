package io.hauyna.tck.sample;

import io.hauyna.jakarta.testing.HandshakeProbe;
import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.tck.TckUris;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application, deployed as it is built (only renamed from ROOT.war so that it does not
 * compete with a server's own root context). It signs in for an HMAC-signed token and passes it
 * as a subprotocol entry, as its pages do; its private channels and read-only members come from
 * its {@code microprofile-config.properties}, so this also proves MicroProfile Config is read.
 */
@ExtendWith(ArquillianExtension.class)
class SampleIT {

    @Deployment(testable = false)
    static WebArchive sample() {
        return SampleWar.asBuilt("hauyna-sample.war");
    }

    @ArquillianResource
    URL base;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** Signs in like the pages do and returns the token. */
    private String token(String user) {
        URI signIn = URI.create("http://localhost:" + base.getPort() + base.getPath().replaceAll("/+$", "") + "/sign-in");
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(signIn).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("user=" + user)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return json(response.body()).getString("token");
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("Signing in at " + signIn + " failed", e);
        }
    }

    private TestClient signedIn(String user, String path) {
        return TestClient.connect(TckUris.ws(base, path), Map.of(), List.of("hauyna", "bearer." + token(user)));
    }

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
    void servesTheBrowserClientFromTheHauynaJar() throws Exception {
        String root = "http://localhost:" + base.getPort() + base.getPath().replaceAll("/+$", "");
        HttpResponse<String> client = HTTP.send(HttpRequest.newBuilder(URI.create(root + "/hauyna/hauyna.js"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> types = HTTP.send(HttpRequest.newBuilder(URI.create(root + "/hauyna/hauyna.d.ts"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(client.statusCode()).isEqualTo(200);
        assertThat(client.headers().firstValue("Content-Type")).get().asString().containsAnyOf("javascript", "ecmascript");
        assertThat(client.body()).contains("export class Socket").contains("export class Presence");
        assertThat(types.statusCode()).isEqualTo(200);
        assertThat(types.body()).contains("export class Socket");
    }

    @Test
    void chatRoomsCarryPresenceAndNotificationsArePrivate() {
        try (TestClient alice = signedIn("alice", "/chat")) {
            alice.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:lobby\",\"metadata\":{\"name\":\"alice\"},\"ref\":1}");
            List<String> frames = alice.next(3);
            // Rooms keep a history in the sample: the reply comes first, with the room's position.
            JsonObject reply = json(frames.get(0));
            assertThat(reply.getString("status")).isEqualTo("ok");
            assertThat(reply.getJsonObject("data").keySet()).containsExactlyInAnyOrder("epoch", "offset");
            assertThat(frames).anySatisfy(frame -> assertThat(frame)
                    .contains("\"type\":\"notification\"").contains("You joined room:lobby, nobody else is here yet"));
            JsonObject state = frames.stream().map(SampleIT::json).filter(f -> f.getString("type").equals("presence_state"))
                    .findFirst().orElseThrow();
            assertThat(state.getJsonObject("presences").keySet()).containsExactly("alice");

            alice.send("{\"type\":\"subscribe_channel\",\"channel\":\"notifications:bob\",\"ref\":2}");
            assertThat(json(alice.next()).getString("message"))
                    .isEqualTo("Channel 'notifications:bob' is private (notifications:{id}): only its owner may use it");
        }
    }

    @Test
    void echoesWithTheIdentifierAndAnnouncesJoinsAndLeaves() {
        try (TestClient alice = signedIn("alice", "/echo/lobby")) {
            JsonObject welcome = json(alice.next());
            assertThat(welcome.getString("type")).isEqualTo("welcome");
            assertThat(welcome.getString("identifier")).as("identity from the signed token").isEqualTo("alice");
            assertThat(welcome.getJsonArray("groups").toString()).isEqualTo("[\"room:lobby\"]");
            assertThat(json(alice.next()).getString("type")).isEqualTo("joined");

            alice.send("hello");
            JsonObject echo = json(alice.next());
            assertThat(echo.getString("type")).isEqualTo("echo");
            assertThat(echo.getString("text")).isEqualTo("hello");

            try (TestClient bob = signedIn("bob", "/echo/lobby")) {
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

    @Test
    void refusesUpgradesWithoutAValidTokenOrFromAnotherSite() {
        String forged = token("mallory").replaceFirst("^[^.]+", "YWRtaW4");
        assertThat(HandshakeProbe.status(TckUris.ws(base, "/chat"), Map.of())).isEqualTo(401);
        assertThat(HandshakeProbe.status(TckUris.ws(base, "/chat?user_id=alice"), Map.of())).as("no development identity").isEqualTo(401);
        assertThat(HandshakeProbe.upgrade(TckUris.ws(base, "/chat"), Map.of(), List.of("hauyna", "bearer." + forged)).status())
                .as("a token whose user was changed").isEqualTo(401);
        assertThat(HandshakeProbe.upgrade(TckUris.ws(base, "/chat"), Map.of("Origin", "https://evil.example"),
                List.of("hauyna", "bearer." + token("alice"))).status()).as("cross-site").isEqualTo(403);
    }

    @Test
    void onlyAdminsPostAnnouncements() {
        try (TestClient alice = signedIn("alice", "/chat"); TestClient bob = signedIn("bob", "/chat")) {
            bob.send("{\"type\":\"group_message\",\"group\":\"announcements\",\"message\":{\"text\":\"me too\"},\"ref\":1}");
            JsonObject refused = json(bob.next());
            assertThat(refused.getString("error_type")).isEqualTo("forbidden");
            assertThat(refused.getJsonObject("details").getString("permission")).isEqualTo("group_message");

            alice.send("{\"type\":\"group_message\",\"group\":\"announcements\",\"message\":{\"text\":\"release at 5\"}}");
            assertThat(bob.next()).isEqualTo("{\"type\":\"group_message\",\"group\":\"announcements\",\"from\":\"alice\","
                    + "\"message\":{\"text\":\"release at 5\"}}");
        }
    }
}
