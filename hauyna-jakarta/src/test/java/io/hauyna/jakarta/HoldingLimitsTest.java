package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.websocket.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Map;

import static io.hauyna.jakarta.testing.ProtocolEndpoint.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What one connection, and the application, may hold: each limit refuses with
 * {@code limit_exceeded} naming the limit and its key, changes nothing, and leaves the connection
 * working.
 */
class HoldingLimitsTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.LIMITS_SUBSCRIPTIONS_PER_CONNECTION, "3")
            .with(HauynaConfigKeys.LIMITS_SUBSCRIPTION_METADATA_BYTES, "40")
            .with(HauynaConfigKeys.LIMITS_PRESENCE_STATE_BYTES, "40")
            .with(HauynaConfigKeys.LIMITS_CHANNELS, "5")
            .with(HauynaConfigKeys.LIMITS_GROUPS, "2");

    private final Channels channels = server.bean(Channels.class);
    private final Connections connections = server.bean(Connections.class);

    @AfterEach
    void allGone() {
        await().until(() -> connections.count() == 0 && channels.channels().isEmpty() && connections.groups().isEmpty());
    }

    @Test
    void aConnectionJoinsAtMostItsLimitOfChannels() {
        try (TestClient client = ProtocolEndpoint.connectAs(server, "ann")) {
            join(client, "a", "{}");
            join(client, "b", "{}");
            join(client, "c", "{}");

            client.send("{\"type\":\"subscribe_channel\",\"channel\":\"d\",\"ref\":1}");

            assertThat(client.next()).isEqualTo("{\"type\":\"reply\",\"ref\":1,\"status\":\"error\",\"error_type\":\"limit_exceeded\","
                    + "\"message\":\"This connection has joined 3 channels; leave one first: the limit is 3 "
                    + "(hauyna.limits.subscriptions-per-connection)\",\"details\":{\"limit\":\"subscriptions-per-connection\",\"max\":3,"
                    + "\"key\":\"hauyna.limits.subscriptions-per-connection\"}}");
            assertThat(channels.channels()).containsExactlyInAnyOrder("a", "b", "c");
            join(client, "c", "{\"name\":\"again\"}");
            client.send("{\"type\":\"unsubscribe_channel\",\"channel\":\"a\",\"ref\":2}");
            assertThat(client.next()).contains("\"status\":\"ok\"");
            join(client, "d", "{}");
        }
    }

    @Test
    void subscriptionMetadataIsBounded() {
        try (TestClient client = ProtocolEndpoint.connectAs(server, "ben")) {
            String fits = "{\"name\":\"" + "x".repeat(29) + "\"}"; // 40 bytes
            String tooLarge = "{\"name\":\"" + "é".repeat(15) + "\"}"; // 41 bytes in UTF-8

            join(client, "a", fits);
            client.send("{\"type\":\"subscribe_channel\",\"channel\":\"a\",\"metadata\":" + tooLarge + ",\"ref\":1}");

            assertThat(client.next()).contains("\"error_type\":\"limit_exceeded\"",
                    "The subscription metadata has 41 bytes as JSON; send less: the limit is 40 (hauyna.limits.subscription-metadata-bytes)");
            assertThat(channels.subscriptions("a").get(0).metadata()).isEqualTo(Map.of("name", "x".repeat(29)));
        }
    }

    @Test
    void presenceStateIsBoundedAfterMerging() {
        Presence presence = server.bean(Presence.class);
        try (TestClient client = ProtocolEndpoint.connectAs(server, "cat")) {
            client.send("{\"type\":\"presence_update\",\"state\":{\"a\":\"" + "x".repeat(10) + "\"},\"ref\":1}");
            assertThat(client.next()).contains("\"status\":\"ok\"");

            client.send("{\"type\":\"presence_update\",\"state\":{\"b\":\"" + "y".repeat(20) + "\"},\"ref\":2}");

            assertThat(client.next()).contains("\"error_type\":\"limit_exceeded\"", "\"limit\":\"presence-state-bytes\"",
                    "(hauyna.limits.presence-state-bytes)");
            assertThat(presence.state("cat").orElseThrow().metas().get(0)).doesNotContainKey("b").containsEntry("a", "x".repeat(10));
            client.send("{\"type\":\"presence_update\",\"state\":{\"a\":\"short\"},\"ref\":3}");
            assertThat(client.next()).as("replacing a key is measured after merging").contains("\"status\":\"ok\"");

            presence.track(connections.connectionsOf("cat").get(0).session(), Map.of("since", Instant.EPOCH));
            client.send("{\"type\":\"presence_update\",\"state\":{\"a\":\"x\"},\"ref\":4}");
            assertThat(client.next()).as("server state of any type JSON-B encodes is measured as sent").contains("\"status\":\"ok\"");
        }
    }

    @Test
    void theApplicationHoldsAtMostItsLimitOfChannels() {
        try (TestClient first = ProtocolEndpoint.connectAs(server, "dan"); TestClient second = ProtocolEndpoint.connectAs(server, "eve")) {
            join(first, "c1", "{}");
            join(first, "c2", "{}");
            join(first, "c3", "{}");
            join(second, "c4", "{}");
            join(second, "c5", "{}");

            second.send("{\"type\":\"subscribe_channel\",\"channel\":\"c6\",\"ref\":1}");

            assertThat(second.next()).contains("\"error_type\":\"limit_exceeded\"",
                    "The application holds 5 channels; join an existing one: the limit is 5 (hauyna.limits.channels)");
            join(second, "c1", "{}");
            assertThat(channels.channels()).hasSize(5);
            Session session = connections.connectionsOf("eve").get(0).session();
            assertThatThrownBy(() -> channels.subscribe("c7", session, Map.of()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("hauyna.limits.channels");
        }
        await().until(() -> channels.channels().isEmpty());
        try (TestClient again = ProtocolEndpoint.connectAs(server, "fay")) {
            join(again, "c6", "{}");
        }
    }

    @Test
    void theApplicationHoldsAtMostItsLimitOfGroups() {
        try (TestClient client = ProtocolEndpoint.connectAs(server, "gus")) {
            assertThat(connections.addToGroup("gus", "g1")).isTrue();
            assertThat(connections.addToGroup("gus", "g2", "admin")).isTrue();

            assertThatThrownBy(() -> connections.addToGroup("gus", "g3"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("The application holds 2 groups, the limit (hauyna.limits.groups): add to an existing group or remove empty ones");
            assertThat(connections.groupsOf("gus")).containsExactlyInAnyOrder("g1", "g2");
            assertThat(connections.addToGroup("gus", "g1", "admin")).as("an existing group is never refused").isTrue();
            connections.removeFromGroup("gus", "g2");
            assertThat(connections.addToGroup("gus", "g3")).isTrue();
        }
    }
}
