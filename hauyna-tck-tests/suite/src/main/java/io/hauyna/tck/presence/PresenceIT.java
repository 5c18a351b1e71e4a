package io.hauyna.tck.presence;

import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.testing.PresenceView;
import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.tck.TckArchive;
import io.hauyna.tck.TckProtocolEndpoint;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static io.hauyna.tck.TckProtocolClients.connect;
import static io.hauyna.jakarta.testing.ProtocolEndpoint.join;
import static org.assertj.core.api.Assertions.assertThat;

/** Presence on the wire, configured through the WAR's microprofile-config.properties. */
@ExtendWith(ArquillianExtension.class)
class PresenceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TckArchive.war("tck-presence", Map.of(
                        HauynaConfigKeys.PRESENCE_CHANNELS, "room:",
                        HauynaConfigKeys.PRESENCE_DIFF_INTERVAL_MS, "200"),
                TckProtocolEndpoint.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void twoTabsAreOnePresenceAndLeavingIsADiff() {
        try (TestClient alice = connect(base, "alice", "")) {
            join(alice, "room:tabs", "{\"name\":\"Alice\"}");
            PresenceView view = new PresenceView().readUntil(alice, v -> v.identifiers().contains("alice"));
            assertThat(view.states()).isEqualTo(1);

            TestClient bobPhone = connect(base, "bob", "");
            TestClient bobLaptop = connect(base, "bob", "");
            join(bobPhone, "room:tabs", "{}");
            join(bobLaptop, "room:tabs", "{}");
            view.readUntil(alice, v -> v.metas("bob").size() == 2);

            bobPhone.close();
            view.readUntil(alice, v -> v.metas("bob").size() == 1);
            assertThat(view.identifiers()).containsExactly("alice", "bob");

            bobLaptop.close();
            view.readUntil(alice, v -> !v.identifiers().contains("bob"));
            alice.expectNothing(Duration.ofMillis(400));
        }
    }

    @Test
    void aStateUpdateIsOneDiffWithTheNewState() {
        try (TestClient carol = connect(base, "carol", ""); TestClient dave = connect(base, "dave", "")) {
            join(carol, "room:state", "{}");
            join(dave, "room:state", "{}");
            PresenceView view = new PresenceView().readUntil(carol, v -> v.identifiers().size() == 2);
            new PresenceView().readUntil(dave, v -> v.identifiers().size() == 2);
            int diffs = view.diffs();

            dave.send("{\"type\":\"presence_update\",\"state\":{\"typing\":true}}");
            view.readUntil(carol, v -> v.metas("dave").values().stream().anyMatch(meta -> meta.containsKey("typing")));
            assertThat(view.diffs() - diffs).isEqualTo(1);
            assertThat(view.metas("dave").values().iterator().next().getString("status")).isEqualTo("online");
        }
    }

    @Test
    void aBurstOfJoinsCostsAFewFramesPerSubscriber() {
        int members = 20;
        List<TestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < members; i++) {
                clients.add(connect(base, "member" + i, ""));
            }
            for (TestClient client : clients) {
                client.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:burst\"}");
            }
            int frames = 0;
            for (TestClient client : clients) {
                PresenceView view = new PresenceView().readUntil(client, v -> v.identifiers().size() == members);
                assertThat(view.states()).isEqualTo(1);
                assertThat(view.diffsBeforeState()).isZero();
                frames += view.states() + view.diffs();
            }
            assertThat(frames).as("presence frames for %d joins", members).isLessThan(members * (members + 1) / 2);
        } finally {
            clients.forEach(TestClient::close);
        }
    }

    /** Joins spread over several flushes, from several threads: each joiner still gets the state first and ends with everyone. */
    @Test
    void joinsSpreadOverFlushesEachGetTheStateFirst() throws InterruptedException {
        int members = 30;
        List<TestClient> clients = new ArrayList<>();
        ScheduledExecutorService joiners = Executors.newScheduledThreadPool(3);
        try {
            for (int i = 0; i < members; i++) {
                clients.add(connect(base, "spread" + i, ""));
            }
            for (int i = 0; i < members; i++) {
                TestClient client = clients.get(i);
                joiners.schedule(() -> client.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:spread\"}"),
                        i * 15L, TimeUnit.MILLISECONDS);
            }
            for (int i = 0; i < members; i++) {
                PresenceView view = new PresenceView().readUntil(clients.get(i), v -> v.identifiers().size() == members);
                assertThat(view.diffsBeforeState()).as("diffs spread%d got before its state", i).isZero();
                assertThat(view.states()).as("states spread%d got", i).isEqualTo(1);
            }
        } finally {
            joiners.shutdownNow();
            clients.forEach(TestClient::close);
        }
    }
}
