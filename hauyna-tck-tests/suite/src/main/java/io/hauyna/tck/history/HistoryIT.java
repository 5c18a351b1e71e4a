package io.hauyna.tck.history;

import io.hauyna.jakarta.testing.HistoryFrames;
import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.tck.TckArchive;
import io.hauyna.tck.TckProtocolEndpoint;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.ClassLoaderAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.hauyna.jakarta.testing.HistoryFrames.handled;
import static io.hauyna.jakarta.testing.HistoryFrames.read;
import static io.hauyna.jakarta.testing.HistoryFrames.say;
import static io.hauyna.jakarta.testing.HistoryFrames.since;
import static io.hauyna.jakarta.testing.HistoryFrames.subscribe;
import static io.hauyna.tck.TckProtocolClients.connect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * History channels on a real server: a subscriber that comes back with its last position gets the
 * messages it missed, in order and once, before live ones; a position from another stream, or
 * one no longer kept, is answered {@code recovered: false}.
 */
@ExtendWith(ArquillianExtension.class)
class HistoryIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        // The servlet is added as bytes: the servlet API is on the server's class path, not on this test's.
        String servlet = "io/hauyna/tck/history/HistoryServlet.class";
        return TckArchive.war("tck-history", Map.of("hauyna.history.channels", "room:, small: size=5",
                // Bob publishes 50 at once: more than the default burst of the rate limit.
                "hauyna.rate-limit.per-second", "0"), TckProtocolEndpoint.class)
                .add(new ClassLoaderAsset(servlet), "WEB-INF/classes/" + servlet);
    }

    /** HTTP/1.1: Open Liberty never answers an h2c upgrade to some paths (docs/SERVERS.md). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ArquillianResource
    URL base;

    /** Publishes and waits until the server has handled every frame the client sent. */
    private static void publish(TestClient client, String channel, List<String> texts) {
        texts.forEach(text -> say(client, channel, text));
        handled(client);
    }

    private static List<String> texts(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void aSubscriberThatComesBackGetsWhatItMissedThenLiveMessages() {
        try (TestClient bob = connect(base, "bob", "")) {
            subscribe(bob, "room:a", null);
            String epoch;
            long last;
            try (TestClient alice = connect(base, "alice", "")) {
                JsonObject position = subscribe(alice, "room:a", null);
                epoch = position.getString("epoch");
                publish(bob, "room:a", texts("seen ", 3));
                JsonObject third = read(alice.next(3).get(2));
                assertThat(third.getString("epoch")).isEqualTo(epoch);
                last = third.getJsonNumber("offset").longValue();
                assertThat(last).isEqualTo(position.getJsonNumber("offset").longValue() + 3);
            }
            publish(bob, "room:a", texts("missed ", 50));
            try (TestClient alice = connect(base, "alice", "")) {
                JsonObject resumed = subscribe(alice, "room:a", since(last, epoch));
                assertThat(resumed.getBoolean("recovered")).isTrue();
                assertThat(resumed.getJsonNumber("offset").longValue()).isEqualTo(last + 50);
                List<JsonObject> replay = alice.next(50).stream().map(HistoryFrames::read).toList();
                assertThat(replay).extracting(m -> m.getJsonObject("message").getString("text")).containsExactlyElementsOf(texts("missed ", 50));
                assertThat(replay).extracting(m -> m.getJsonNumber("offset").longValue())
                        .containsExactlyElementsOf(IntStream.rangeClosed(1, 50).mapToObj(i -> last + i).toList());
                publish(bob, "room:a", List.of("live"));
                assertThat(read(alice.next()).getJsonNumber("offset").longValue()).isEqualTo(last + 51);
                alice.expectNothing(Duration.ofMillis(200));
            }
        }
    }

    @Test
    void aPositionFromAnotherStreamOrNoLongerKeptIsNotRecovered() {
        try (TestClient bob = connect(base, "bob", ""); TestClient alice = connect(base, "alice", "")) {
            String epoch = subscribe(bob, "small:a", null).getString("epoch");
            publish(bob, "small:a", texts("m", 10));
            long top = subscribe(alice, "small:a", null).getJsonNumber("offset").longValue();

            JsonObject tooOld = subscribe(alice, "small:a", since(top - 8, epoch));
            assertThat(tooOld.getBoolean("recovered")).isFalse();
            assertThat(tooOld.getString("reason")).isEqualTo("too_old");
            JsonObject other = subscribe(alice, "small:a", since(top, "from-a-restart"));
            assertThat(other.getString("reason")).isEqualTo("epoch_changed");
            alice.expectNothing(Duration.ofMillis(200));
        }
    }

    @Test
    void theServerPublishesWithHistoryAndReadsWhatAChannelKeeps() throws Exception {
        try (TestClient bob = connect(base, "bob", "")) {
            long top = subscribe(bob, "small:server", null).getJsonNumber("offset").longValue();
            publish(bob, "small:server", texts("m", 6));
            HttpResponse<String> published = HTTP.send(HttpRequest.newBuilder(base.toURI().resolve("tck/history?channel=small:server&text=news"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(published.body()).as("offered to bob").isEqualTo("1");
            JsonObject news = read(bob.nextUntil(frame -> frame.contains("news")).get(0));
            assertThat(news.getString("from")).isEmpty();
            assertThat(news.getJsonNumber("offset").longValue()).isEqualTo(top + 7);

            String kept = HTTP.send(HttpRequest.newBuilder(base.toURI().resolve("tck/history?channel=small:server&limit=3")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<JsonObject> messages = Json.createReader(new StringReader(kept)).readArray().getValuesAs(JsonObject.class);
            assertThat(messages).extracting(m -> m.getJsonNumber("offset").longValue()).containsExactly(top + 5, top + 6, top + 7);
            assertThat(messages).extracting(m -> m.getString("from")).containsExactly("bob", "bob", "");
            assertThat(messages).extracting(m -> m.getString("message"))
                    .containsExactly("{\"text\":\"m5\"}", "{\"text\":\"m6\"}", "{\"text\":\"news\"}");
            String none = HTTP.send(HttpRequest.newBuilder(base.toURI().resolve("tck/history?channel=plain:x&limit=3")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(none).as("a channel without history").isEqualTo("[]");
        }
    }
}
