package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.PresenceView;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.hauyna.jakarta.testing.ProtocolEndpoint.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Presence on the wire: presence_state on join, then coalesced presence_diff frames. */
class PresenceWireTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.PRESENCE_CHANNELS, "room:")
            .with(HauynaConfigKeys.PRESENCE_DIFF_INTERVAL_MS, "200");

    private final Connections connections = server.bean(Connections.class);
    private final Channels channels = server.bean(Channels.class);

    private TestClient connect(String user) {
        return ProtocolEndpoint.connectAs(server, user);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }


    @AfterEach
    void allGone() {
        await().until(() -> connections.count() == 0);
    }

    @Test
    void aJoinerGetsTheStateAndTheOthersGetADiff() {
        try (TestClient alice = connect("alice"); TestClient bob = connect("bob")) {
            join(alice, "room:a", "{\"name\":\"Alice\"}");
            JsonObject aliceState = json(alice.next());
            assertThat(aliceState.getString("type")).isEqualTo("presence_state");
            assertThat(aliceState.getString("channel")).isEqualTo("room:a");
            JsonObject aliceMeta = aliceState.getJsonObject("presences").getJsonObject("alice").getJsonArray("metas").getJsonObject(0);
            assertThat(aliceMeta.getString("ref")).isEqualTo(connections.connectionsOf("alice").get(0).id());
            assertThat(aliceMeta.getString("status")).isEqualTo("online");
            assertThat(aliceMeta.getString("name")).isEqualTo("Alice");

            join(bob, "room:a", "{\"name\":\"Bob\"}");
            JsonObject bobState = json(bob.next());
            assertThat(bobState.getJsonObject("presences").keySet()).containsExactly("alice", "bob");
            JsonObject diff = json(alice.next());
            assertThat(diff.getString("type")).isEqualTo("presence_diff");
            assertThat(diff.getJsonObject("joins").keySet()).containsExactly("bob");
            assertThat(diff.getJsonObject("leaves")).isEmpty();

            bob.close();
            JsonObject leave = json(alice.next());
            assertThat(leave.getJsonObject("leaves").keySet()).containsExactly("bob");
            assertThat(leave.getJsonObject("joins")).isEmpty();
        }
    }

    @Test
    void aClientsOwnRefOrStatusKeysCannotPassForTheServers() {
        try (TestClient eve = connect("eve")) {
            join(eve, "room:spoof", "{\"ref\":\"someone-else\",\"status\":\"online\",\"name\":\"Eve\"}");
            JsonObject state = json(eve.next());
            eve.send("{\"type\":\"presence_update\",\"state\":{\"status\":\"away\",\"typing\":true},\"ref\":1}");

            JsonObject meta = state.getJsonObject("presences").getJsonObject("eve").getJsonArray("metas").getJsonObject(0);
            assertThat(meta.getString("ref")).isEqualTo(connections.connectionsOf("eve").get(0).id());
            assertThat(meta.getString("name")).isEqualTo("Eve");
            assertThat(eve.next()).contains("\"status\":\"ok\"");
            JsonObject diff = json(eve.next());
            JsonObject updated = diff.getJsonObject("joins").getJsonObject("eve").getJsonArray("metas").getJsonObject(0);
            assertThat(updated.getBoolean("typing")).isTrue();
            assertThat(updated.getString("status")).as("the server's status, not the client's state").isEqualTo("online");
        }
    }

    @Test
    void aStateUpdateArrivesAsOneDiff() {
        try (TestClient carol = connect("carol"); TestClient dave = connect("dave")) {
            join(carol, "room:u", "{}");
            join(dave, "room:u", "{}");
            PresenceView carolView = new PresenceView().readUntil(carol, v -> v.identifiers().size() == 2);
            new PresenceView().readUntil(dave, v -> v.identifiers().size() == 2);
            int diffsBefore = carolView.diffs();

            dave.send("{\"type\":\"presence_update\",\"state\":{\"typing\":true},\"ref\":5}");
            assertThat(dave.next()).isEqualTo("{\"type\":\"reply\",\"ref\":5,\"status\":\"ok\"}");
            carolView.readUntil(carol, v -> v.metas("dave").values().stream().anyMatch(m -> m.containsKey("typing")));

            assertThat(carolView.diffs() - diffsBefore).isEqualTo(1);
            carol.expectNothing(Duration.ofMillis(500));
        }
    }

    @Test
    void channelsWithoutPresenceSendNone() {
        try (TestClient erin = connect("erin")) {
            join(erin, "chat:plain", "{}");
            erin.expectNothing(Duration.ofMillis(500));
        }
    }

    @Test
    void aBurstOfJoinsIsCoalescedIntoAFewFramesPerSubscriber() {
        int members = 100;
        List<TestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < members; i++) {
                clients.add(connect("member" + i));
            }
            // Everyone joins at once (server-side, in one loop).
            IntStream.range(0, members).forEach(i ->
                    channels.subscribe("room:burst", connections.connectionsOf("member" + i).get(0).session(), Map.of("n", i)));

            int frames = 0;
            for (TestClient client : clients) {
                PresenceView view = new PresenceView().readUntil(client, v -> v.identifiers().size() == members);
                client.expectNothing(Duration.ofMillis(50));
                frames += view.states() + view.diffs();
                assertThat(view.states()).isEqualTo(1);
            }
            System.out.printf("presence-burst: %d members joined at once; %d presence frames in all (%.2f per member); "
                    + "without coalescing a join-by-join diff would cost %d%n", members, frames, frames / (double) members,
                    members * (members - 1) / 2 + members);
            assertThat(frames).as("frames for %d joins", members).isLessThanOrEqualTo(3 * members);
        } finally {
            clients.forEach(TestClient::close);
        }
    }
}
