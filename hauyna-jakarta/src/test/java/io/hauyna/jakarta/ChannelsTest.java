package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.ChannelEventLog;
import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ReadyEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.websocket.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The Channels server API with real sockets. */
class ChannelsTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ReadyEndpoint.class)
            .withBeans(ChannelEventLog.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");

    private final Channels channels = server.bean(Channels.class);
    private final Connections connections = server.bean(Connections.class);
    private final ChannelEventLog log = server.bean(ChannelEventLog.class);

    private TestClient connect(String user) {
        return ReadyEndpoint.connectAs(server, user);
    }

    private Session sessionOf(String user) {
        return connections.connectionsOf(user).get(0).session();
    }

    @AfterEach
    void everythingIsForgotten() {
        await().until(() -> connections.count() == 0);
        assertThat(channels.channels()).isEmpty();
    }

    @Test
    void subscribingStoresMetadataAndFiresJoinedOnce() {
        try (TestClient alice = connect("alice")) {
            Session session = sessionOf("alice");

            assertThat(channels.subscribe("room:a", session, Map.of("name", "Alice"))).isTrue();
            assertThat(channels.subscribe("room:a", session, Map.of("name", "Al"))).as("again: metadata replaced").isFalse();

            assertThat(channels.subscriptionMetadata("room:a", session)).contains(Map.of("name", "Al"));
            assertThat(channels.isSubscribed("room:a", session)).isTrue();
            assertThat(channels.subscribedChannels(session)).containsExactly("room:a");
            assertThat(channels.subscribers("room:a")).containsExactly("alice");
            assertThat(channels.channels()).containsExactly("room:a");
            assertThat(log.count(ChannelJoined.class, "room:a")).isEqualTo(1);
            assertThat(log.events()).contains(new ChannelJoined("room:a", "alice", connections.connectionsOf("alice").get(0).id(),
                    Map.of("name", "Alice")));
        }
    }

    @Test
    void subscriptionsBelongToConnectionsNotIdentifiers() {
        try (TestClient tab1 = connect("bob"); TestClient tab2 = connect("bob")) {
            Session first = connections.connectionsOf("bob").get(0).session();
            channels.subscribe("room:b", first, Map.of());

            assertThat(channels.subscriptions("room:b")).hasSize(1)
                    .first().satisfies(s -> assertThat(s.connection().session()).isSameAs(first));
            assertThat(channels.broadcastTo("room:b", "only one tab")).isEqualTo(1);
            String received = connections.connectionsOf("bob").get(0).session() == first ? tab1.next() : tab2.next();
            assertThat(received).isEqualTo("only one tab");
        }
    }

    @Test
    void broadcastFromSkipsTheSender() {
        try (TestClient alice = connect("carol"); TestClient bob = connect("dave")) {
            channels.subscribe("room:c", sessionOf("carol"), Map.of());
            channels.subscribe("room:c", sessionOf("dave"), Map.of());

            assertThat(channels.broadcastTo("room:c", "to all")).isEqualTo(2);
            assertThat(alice.next()).isEqualTo("to all");
            assertThat(bob.next()).isEqualTo("to all");

            assertThat(channels.broadcastFrom(sessionOf("carol"), "room:c", Map.of("text", "from carol"))).isEqualTo(1);
            assertThat(bob.next()).isEqualTo("{\"text\":\"from carol\"}");
            alice.expectNothing(QUIET);
        }
    }

    @Test
    void unsubscribingFiresLeftAndStopsDelivery() {
        try (TestClient erin = connect("erin")) {
            Session session = sessionOf("erin");
            channels.subscribe("room:e", session, Map.of("k", "v"));

            assertThat(channels.unsubscribe("room:e", session)).isTrue();
            assertThat(channels.unsubscribe("room:e", session)).isFalse();
            assertThat(channels.broadcastTo("room:e", "nobody")).isZero();
            assertThat(channels.channels()).isEmpty();
            assertThat(log.count(ChannelLeft.class, "room:e")).isEqualTo(1);
            erin.expectNothing(QUIET);
        }
    }

    @Test
    void closingAConnectionLeavesEveryChannelOnce() {
        String id;
        try (TestClient frank = connect("frank")) {
            Session session = sessionOf("frank");
            id = connections.connectionsOf("frank").get(0).id();
            channels.subscribe("room:f1", session, Map.of());
            channels.subscribe("room:f2", session, Map.of());
        }
        await().until(() -> channels.channels().isEmpty());
        assertThat(log.events()).contains(new ChannelLeft("room:f1", "frank", id, Map.of()), new ChannelLeft("room:f2", "frank", id, Map.of()));
        assertThat(log.count(ChannelLeft.class, "room:f1")).isEqualTo(1);
    }

    @Test
    void cleanupRemovesEverySubscriptionOfAConnection() {
        try (TestClient grace = connect("grace")) {
            Session session = sessionOf("grace");
            channels.subscribe("room:g1", session, Map.of());
            channels.subscribe("room:g2", session, Map.of());

            assertThat(channels.cleanup(session)).isEqualTo(2);
            assertThat(channels.subscribedChannels(session)).isEmpty();
            assertThat(channels.cleanup(session)).isZero();
        }
    }

    @Test
    void invalidChannelNamesAreRefusedWithInstructions() {
        try (TestClient heidi = connect("heidi")) {
            assertThatThrownBy(() -> channels.subscribe("room lobby", sessionOf("heidi"), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Channel name 'room lobby' is invalid: use 1 to 200 letters, digits, '_', '.', ':', '-' or '@'");
            assertThat(channels.channels()).isEmpty();
        }
    }

    @Test
    void queriesAboutUnknownChannelsAreEmpty() {
        assertThat(channels.subscribers("nope")).isEmpty();
        assertThat(channels.subscriptions("nope")).isEmpty();
        assertThat(channels.broadcastTo("nope", "x")).isZero();
    }
}
