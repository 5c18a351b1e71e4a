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

/** Three nodes in three JVMs behave as one for channels: every message reaches every subscriber once, in its publisher's order. */
class ChannelsAcrossNodesTest {

    private static final int NODES = 3;
    private static final Pattern MESSAGE = Pattern.compile(
            "\\{\"type\":\"channel_message\",\"channel\":\"room:all\",\"from\":\"(pub-\\d)\",\"message\":\\{\"n\":(\\d+)}}");

    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start("channels", NODES, Map.of(
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
}
