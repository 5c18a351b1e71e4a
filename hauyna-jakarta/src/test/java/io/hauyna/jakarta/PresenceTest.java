package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.PresenceView;
import io.hauyna.jakarta.testing.ReadyEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Presence server API, the status machine and its events, with real sockets. */
class PresenceTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ReadyEndpoint.class)
            .withBeans(PresenceEvents.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.PRESENCE_AWAY_AFTER, "1")
            .with(HauynaConfigKeys.PRESENCE_CHANNELS, "room:");

    @ApplicationScoped
    public static class PresenceEvents {
        final List<PresenceChanged> changes = new CopyOnWriteArrayList<>();

        void record(@Observes PresenceChanged changed) {
            changes.add(changed);
        }

        List<PresenceChanged> changes() {
            return List.copyOf(changes);
        }

        long count(PresenceChanged change) {
            return changes.stream().filter(change::equals).count();
        }
    }

    private final Presence presence = server.bean(Presence.class);
    private final Connections connections = server.bean(Connections.class);
    private final Channels channels = server.bean(Channels.class);
    private final PresenceEvents events = server.bean(PresenceEvents.class);

    private TestClient connect(String user) {
        return ReadyEndpoint.connectAs(server, user);
    }

    @AfterEach
    void nobodyLeft() {
        await().until(() -> connections.count() == 0 && presence.count() == 0);
    }

    @Test
    void twoTabsAreOnePresenceUntilTheLastCloses() {
        TestClient tab1 = connect("alice");
        TestClient tab2 = connect("alice");
        assertThat(presence.isPresent("alice")).isTrue();
        assertThat(presence.state("alice").orElseThrow().metas()).hasSize(2);
        assertThat(events.count(new PresenceChanged("alice", PresenceStatus.OFFLINE, PresenceStatus.ONLINE))).isEqualTo(1);

        tab1.close();
        await().until(() -> presence.state("alice").orElseThrow().metas().size() == 1);
        assertThat(presence.isPresent("alice")).isTrue();

        tab2.close();
        await().until(() -> !presence.isPresent("alice"));
        assertThat(events.changes()).filteredOn(c -> c.identifier().equals("alice") && c.after() == PresenceStatus.OFFLINE).hasSize(1);
    }

    @Test
    void idleUsersGoAwayAndComeBackOnActivity() {
        try (TestClient bob = connect("bob")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> presence.state("bob").orElseThrow().status() == PresenceStatus.AWAY);
            assertThat(events.count(new PresenceChanged("bob", PresenceStatus.ONLINE, PresenceStatus.AWAY))).isEqualTo(1);

            bob.send("I'm back");
            await().until(() -> presence.state("bob").orElseThrow().status() == PresenceStatus.ONLINE);
            assertThat(events.count(new PresenceChanged("bob", PresenceStatus.AWAY, PresenceStatus.ONLINE))).isEqualTo(1);
        }
    }

    @Test
    void awayIsShownOnTheWireToChannelSubscribers() {
        try (TestClient carol = connect("carol"); TestClient dave = connect("dave")) {
            channels.subscribe("room:w", connections.connectionsOf("carol").get(0).session(), Map.of("name", "Carol"));
            channels.subscribe("room:w", connections.connectionsOf("dave").get(0).session(), Map.of());

            PresenceView view = new PresenceView().readUntil(carol, v -> v.identifiers().contains("dave")
                    && v.metas("dave").values().iterator().next().getString("status").equals("away"));

            assertThat(view.metas("carol").values().iterator().next().getString("name")).isEqualTo("Carol");
        }
    }

    @Test
    void aServerSideEntryKeepsAUserPresentAndNeverIdle() throws InterruptedException {
        presence.track("bot", Map.of("kind", "bot"));
        assertThat(presence.isPresent("bot")).isTrue();
        Thread.sleep(1_500);
        PresenceInfo bot = presence.state("bot").orElseThrow();
        assertThat(bot.status()).isEqualTo(PresenceStatus.ONLINE);
        assertThat(bot.metas()).containsExactly(Map.of("ref", "server", "kind", "bot"));

        presence.untrack("bot");
        assertThat(presence.isPresent("bot")).isFalse();
        assertThat(events.count(new PresenceChanged("bot", PresenceStatus.ONLINE, PresenceStatus.OFFLINE))).isEqualTo(1);
    }

    @Test
    void stateIsTrackedPerConnectionAndUpdatedForAll() {
        try (TestClient phone = connect("erin"); TestClient laptop = connect("erin")) {
            presence.track(connections.connectionsOf("erin").get(0).session(), Map.of("device", "phone"));

            assertThat(presence.state("erin").orElseThrow().metas()).extracting(m -> m.get("device")).containsOnlyOnce("phone");
            assertThat(presence.updateState("erin", Map.of("mood", "busy"))).isTrue();
            assertThat(presence.state("erin").orElseThrow().metas()).allSatisfy(meta -> assertThat(meta).containsEntry("mood", "busy"));
            assertThat(presence.updateState("nobody", Map.of("mood", "busy"))).isFalse();

            presence.untrack(connections.connectionsOf("erin").get(0).session());
            assertThat(presence.state("erin").orElseThrow().metas()).hasSize(1);
        }
    }

    @Test
    void queriesFilterByChannelAndGroup() {
        try (TestClient frank = connect("frank"); TestClient grace = connect("grace")) {
            channels.subscribe("room:q", connections.connectionsOf("frank").get(0).session(), Map.of());
            connections.addToGroup("grace", "staff");
            connections.addToGroup("frank", "staff");

            assertThat(presence.count()).isEqualTo(2);
            assertThat(presence.list()).extracting(PresenceInfo::identifier).containsExactly("frank", "grace");
            assertThat(presence.inChannel("room:q")).extracting(PresenceInfo::identifier).containsExactly("frank");
            assertThat(presence.inGroup("staff")).extracting(PresenceInfo::identifier).containsExactly("frank", "grace");
            assertThat(presence.list("room:q", "staff")).extracting(PresenceInfo::identifier).containsExactly("frank");
            assertThat(presence.listBy(info -> info.identifier().startsWith("g"))).extracting(PresenceInfo::identifier).containsExactly("grace");
            assertThat(presence.presentIn("frank", "room:q")).isTrue();
            assertThat(presence.presentIn("grace", "room:q")).isFalse();
            assertThat(presence.presentIn("grace", "staff")).isTrue();
            assertThat(presence.countBy("staff")).isEqualTo(2);
            assertThat(presence.countBy("room:q")).isEqualTo(1);
            assertThat(presence.state("nobody")).isEmpty();
        }
    }
}
