package io.hauyna.jakarta.hazelcast;

import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes in client mode, each its own JVM, behave as one through a Hazelcast cluster they are not members of. */
class ClientModeTest {

    private static final int MEMBER_PORT = 15901;

    private static NodeProcess member;
    private static NodeProcess node0;
    private static NodeProcess node1;

    @BeforeAll
    static void start() {
        member = NodeProcess.standaloneMember("client-mode-member", MEMBER_PORT);
        Map<String, String> config = Map.of(HazelcastClusterKeys.MODE, "client", HazelcastClusterKeys.MEMBERS, "127.0.0.1:" + MEMBER_PORT,
                HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");
        node0 = NodeProcess.start("client-mode-0", config);
        node1 = NodeProcess.start("client-mode-1", config);
        node0.awaitLog(" joined", Duration.ofSeconds(60));
        node1.awaitLog(" joined", Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        for (NodeProcess process : new NodeProcess[]{node0, node1, member}) {
            if (process != null) {
                process.close();
            }
        }
    }

    private static TestClient connect(NodeProcess node, String user) {
        TestClient client = TestClient.connect(node.uri("/protocol?user_id=" + user));
        client.send("{\"type\":\"ping\",\"ref\":\"hello\"}");
        assertThat(client.next()).isEqualTo("{\"type\":\"pong\",\"ref\":\"hello\"}");
        return client;
    }

    @Test
    void channelAndDirectMessagesCrossBetweenClientNodes() {
        assertThat(node0.occurrences("Hauyna cluster: Hazelcast")).isEqualTo(1);
        assertThat(node0.occurrences(", client, members now [[127.0.0.1]:" + MEMBER_PORT + "]")).as("the start-up line names the mode").isEqualTo(1);
        try (TestClient alice = connect(node0, "alice"); TestClient bob = connect(node1, "bob")) {
            ProtocolEndpoint.join(bob, "room:client", "{}");
            ProtocolEndpoint.join(alice, "room:client", "{}");
            org.awaitility.Awaitility.await("node 0 knowing bob").atMost(Duration.ofSeconds(10)).until(() -> {
                alice.send("{\"type\":\"direct_message\",\"to\":\"bob\",\"message\":\"hi\",\"ref\":1}");
                return alice.next().equals("{\"type\":\"reply\",\"ref\":1,\"status\":\"ok\"}");
            });
            assertThat(bob.next()).isEqualTo("{\"type\":\"direct_message\",\"from\":\"alice\",\"message\":\"hi\"}");

            alice.send("{\"type\":\"channel_message\",\"channel\":\"room:client\",\"message\":{\"n\":1}}");
            assertThat(bob.next()).isEqualTo("{\"type\":\"channel_message\",\"channel\":\"room:client\",\"from\":\"alice\",\"message\":{\"n\":1}}");
        }
    }
}
