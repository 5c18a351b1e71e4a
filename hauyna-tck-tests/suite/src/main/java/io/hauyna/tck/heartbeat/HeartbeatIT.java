package io.hauyna.tck.heartbeat;

import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.testing.PresenceView;
import io.hauyna.jakarta.testing.StalledClient;
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

import java.net.URL;
import java.util.Map;

import static io.hauyna.jakarta.testing.ProtocolEndpoint.join;
import static io.hauyna.tck.TckProtocolClients.connect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heartbeat on a real server (interval 1 s, timeout 2 s), observed through presence: a watcher in a
 * presence channel sees who is dropped and who stays.
 */
@ExtendWith(ArquillianExtension.class)
class HeartbeatIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TckArchive.war("tck-heartbeat", Map.of(
                        HauynaConfigKeys.HEARTBEAT_INTERVAL, "1",
                        HauynaConfigKeys.HEARTBEAT_TIMEOUT, "2",
                        HauynaConfigKeys.PRESENCE_CHANNELS, "room:"),
                TckProtocolEndpoint.class, QuietEndpoint.class);
    }

    @ArquillianResource
    URL base;

    private static final String SUBSCRIBE = "{\"type\":\"subscribe_channel\",\"channel\":\"room:hb\"}";

    @Test
    void aClientThatAnswersNothingIsDroppedWhileOneThatPongsStays() throws Exception {
        try (TestClient watcher = connect(base, "watcher", "");
             StalledClient silent = StalledClient.connect(TckUris.ws(base, "/protocol?user_id=silent"), 0)) {
            join(watcher, "room:hb", "{}");
            silent.send(SUBSCRIBE);
            PresenceView view = new PresenceView().readUntil(watcher, v -> v.identifiers().contains("silent"));
            long start = System.nanoTime();

            view.readUntil(watcher, v -> !v.identifiers().contains("silent"));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(view.identifiers()).as("the watcher answers pings and stays").containsExactly("watcher");
            assertThat(tookMillis).isLessThan(8_000);
        }
    }

    @Test
    void aBrowserStyleClientThatOnlySendsProtocolPingsStays() throws Exception {
        try (TestClient watcher = connect(base, "watcher2", "");
             StalledClient browserLike = StalledClient.connect(TckUris.ws(base, "/protocol?user_id=browser"), 0)) {
            join(watcher, "room:hb", "{}");
            browserLike.send(SUBSCRIBE);
            PresenceView view = new PresenceView().readUntil(watcher, v -> v.identifiers().contains("browser"));
            for (int i = 0; i < 10; i++) {
                browserLike.send("{\"type\":\"ping\"}");
                Thread.sleep(400);
            }
            watcher.expectNothing(java.time.Duration.ofMillis(100));
            assertThat(view.identifiers()).contains("browser");
        }
    }

    @Test
    void anEndpointWithItsOwnHeartbeatKeepsASilentClient() throws Exception {
        try (TestClient watcher = connect(base, "watcher3", "");
             StalledClient quiet = StalledClient.connect(TckUris.ws(base, "/quiet?user_id=quiet"), 0)) {
            join(watcher, "room:hb", "{}");
            quiet.send(SUBSCRIBE);
            PresenceView view = new PresenceView().readUntil(watcher, v -> v.identifiers().contains("quiet"));

            Thread.sleep(4_000);   // twice the configured timeout, which @Heartbeat(timeout = 0) switches off

            watcher.expectNothing(java.time.Duration.ofMillis(100));
            assertThat(view.identifiers()).contains("quiet");
        }
    }
}
