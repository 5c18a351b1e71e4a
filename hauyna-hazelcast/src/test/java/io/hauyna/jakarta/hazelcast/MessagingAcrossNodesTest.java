package io.hauyna.jakarta.hazelcast;

import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Three nodes in three JVMs behave as one: channels, direct messages, the server API and groups reach users on every node. */
class MessagingAcrossNodesTest {

    private static final int NODES = 3;
    private static final Pattern MESSAGE = Pattern.compile(
            "\\{\"type\":\"channel_message\",\"channel\":\"room:all\",\"from\":\"(pub-\\d)\",\"message\":\\{\"n\":(\\d+)}}");

    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start("messaging", NODES, Map.of(
                HauynaConfigKeys.RATE_LIMIT_PER_SECOND, "0",
                HauynaConfigKeys.OUTBOUND_MAX_MESSAGES, "20000",
                HauynaConfigKeys.OUTBOUND_MAX_BYTES, Integer.toString(16 * 1024 * 1024)));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    @Test
    void tenThousandMessagesFromAllNodesReachEverySubscriberExactlyOnceInPublisherOrder() throws Exception {
        int perPublisher = 3_334;
        List<TestClient> subscribers = new ArrayList<>();
        List<TestClient> publishers = new ArrayList<>();
        try {
            for (int node = 0; node < NODES; node++) {
                subscribers.add(cluster.subscriber(node, "sub-" + node + "-a", "room:all"));
                subscribers.add(cluster.subscriber(node, "sub-" + node + "-b", "room:all"));
                publishers.add(cluster.subscriber(node, "pub-" + node, "room:all"));
            }
            List<CompletableFuture<Void>> publishing = new ArrayList<>();
            for (TestClient publisher : publishers) {
                publishing.add(CompletableFuture.runAsync(() -> {
                    for (int n = 0; n < perPublisher; n++) {
                        publisher.send("{\"type\":\"channel_message\",\"channel\":\"room:all\",\"message\":{\"n\":" + n + "}}");
                    }
                }));
            }
            publishing.forEach(CompletableFuture::join);

            int total = NODES * perPublisher;
            for (TestClient subscriber : subscribers) {
                assertReceivedInOrder(subscriber, total, null);
            }
            for (int node = 0; node < NODES; node++) {
                assertReceivedInOrder(publishers.get(node), total - perPublisher, "pub-" + node);
            }
        } finally {
            subscribers.forEach(TestClient::close);
            publishers.forEach(TestClient::close);
        }
    }

    /** Reads {@code expected} channel messages, checks that each publisher's arrive as 0, 1, 2, ... and that nothing follows. */
    private static void assertReceivedInOrder(TestClient client, int expected, String ownPublisher) {
        Map<String, Integer> nextByPublisher = new HashMap<>();
        for (int i = 0; i < expected; i++) {
            String frame = client.next();
            Matcher matcher = MESSAGE.matcher(frame);
            assertThat(matcher.matches()).as("message %d: %s", i, frame).isTrue();
            String publisher = matcher.group(1);
            int n = Integer.parseInt(matcher.group(2));
            assertThat(publisher).as("a publisher never receives its own message").isNotEqualTo(ownPublisher);
            assertThat(n).as("message %d from %s", i, publisher).isEqualTo(nextByPublisher.getOrDefault(publisher, 0));
            nextByPublisher.put(publisher, n + 1);
        }
        client.expectNothing(Duration.ofMillis(300));
    }

    @Test
    void aDirectMessageReachesAUserOnAnotherNodeAndAnUnknownUserIsNotFound() {
        try (TestClient alice = cluster.connect(0, "alice-dm"); TestClient bob = cluster.connect(1, "bob-dm")) {
            awaitEverywhere("identifiers", value -> value.contains("alice-dm") && value.contains("bob-dm"));

            alice.send("{\"type\":\"direct_message\",\"to\":\"bob-dm\",\"message\":{\"text\":\"hi\"},\"ref\":1}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":1,\"status\":\"ok\"}");
            assertThat(bob.next()).isEqualTo("{\"type\":\"direct_message\",\"from\":\"alice-dm\",\"message\":{\"text\":\"hi\"}}");

            alice.send("{\"type\":\"direct_message\",\"to\":\"nobody\",\"message\":\"?\",\"ref\":2}");
            assertThat(alice.next()).startsWith("{\"type\":\"reply\",\"ref\":2,\"status\":\"error\",\"error_type\":\"not_found\",");
        }
    }

    @Test
    void theServerApiOfOneNodeReachesAndCountsTheConnectionsOfEveryNode() {
        try (TestClient a = cluster.subscriber(0, "api-a", "room:api"); TestClient b = cluster.subscriber(1, "api-b", "room:api")) {
            awaitEverywhere("subscribers room:api", value -> value.equals("api-a,api-b"));
            assertThat(cluster.control(2, "channels")).contains("room:api");

            assertThat(cluster.control(2, "sendTo api-b to-b")).as("accepted on node 2 itself").isEqualTo("0");
            assertThat(b.next()).isEqualTo("to-b");
            cluster.control(2, "broadcast everyone");
            assertThat(a.next()).isEqualTo("everyone");
            assertThat(b.next()).isEqualTo("everyone");
        }
        awaitEverywhere("subscribers room:api", String::isEmpty);
    }

    @Test
    void groupsAndRolesHoldAcrossNodesAndOutliveTheNodeThatAddedThem() {
        try (TestClient admin = cluster.connect(0, "grp-admin"); TestClient member = cluster.connect(1, "grp-member")) {
            awaitEverywhere("identifiers", value -> value.contains("grp-admin") && value.contains("grp-member"));
            assertThat(cluster.control(2, "addToGroup grp-admin staff admin")).isEqualTo("true");
            assertThat(cluster.control(2, "addToGroup grp-member staff member")).isEqualTo("true");
            assertThat(cluster.control(2, "addToGroup nobody staff member")).as("not connected anywhere").isEqualTo("false");
            awaitEverywhere("groupMembers staff", value -> value.equals("grp-admin,grp-member"));
            assertThat(cluster.control(1, "roleIn grp-admin staff")).isEqualTo("admin");

            admin.send("{\"type\":\"group_message\",\"group\":\"staff\",\"message\":\"standup\"}");
            assertThat(member.next()).isEqualTo("{\"type\":\"group_message\",\"group\":\"staff\",\"from\":\"grp-admin\",\"message\":\"standup\"}");
            cluster.control(2, "sendToGroup staff from-node-2");
            assertThat(admin.next()).isEqualTo("from-node-2");
            assertThat(member.next()).isEqualTo("from-node-2");

            try (TestClient secondTab = cluster.connect(2, "grp-admin")) {
                admin.close();
                awaitEverywhere("identifiers", value -> value.contains("grp-admin"));
                assertThat(cluster.control(1, "roleIn grp-admin staff")).as("kept by the tab on node 2").isEqualTo("admin");

                secondTab.send("{\"type\":\"group_kick\",\"group\":\"staff\",\"user\":\"grp-member\",\"ref\":3}");
                assertThat(secondTab.next()).isEqualTo("{\"type\":\"reply\",\"ref\":3,\"status\":\"ok\"}");
                assertThat(member.next()).isEqualTo("{\"type\":\"group_kicked\",\"group\":\"staff\",\"by\":\"grp-admin\"}");
                awaitEverywhere("groupMembers staff", value -> value.equals("grp-admin"));
            }
        }
        awaitEverywhere("groups", value -> !value.contains("staff"));
    }

    /** Waits until every node answers a control command with a value that satisfies the condition. */
    private static void awaitEverywhere(String command, java.util.function.Predicate<String> condition) {
        for (int node = 0; node < NODES; node++) {
            int index = node;
            org.awaitility.Awaitility.await("node " + node + " answering '" + command + "'").atMost(Duration.ofSeconds(10))
                    .until(() -> cluster.control(index, command), condition::test);
        }
    }
}
