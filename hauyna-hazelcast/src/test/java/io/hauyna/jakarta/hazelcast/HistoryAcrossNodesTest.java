package io.hauyna.jakarta.hazelcast;

import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.testing.HistoryFrames;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Histories shared by three nodes in three JVMs, on one grid: one order of offsets for every
 * subscriber on every node, a client whose node is killed ({@code kill -9}) recovering everything on
 * a survivor, and a frozen node (SIGSTOP) that costs no message, duplicate or reordering.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HistoryAcrossNodesTest {

    private static final int NODES = 3;
    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start("history", NODES, Map.of(
                HauynaConfigKeys.HISTORY_CHANNELS, "room: size=2000 ttl=600",
                HauynaConfigKeys.RATE_LIMIT_PER_SECOND, "0",
                HauynaConfigKeys.OUTBOUND_MAX_MESSAGES, "20000",
                HauynaConfigKeys.OUTBOUND_MAX_BYTES, Integer.toString(16 * 1024 * 1024)));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    /** What a subscriber received: offset → text, in arrival order. */
    private static LinkedHashMap<Long, String> receive(TestClient client, int count) {
        LinkedHashMap<Long, String> received = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            JsonObject frame = HistoryFrames.read(client.next());
            assertThat(frame.getString("type")).as(frame.toString()).isEqualTo("channel_message");
            String text = frame.getJsonObject("message").getString("text");
            assertThat(received.put(frame.getJsonNumber("offset").longValueExact(), text)).as("offset %s twice", frame.get("offset")).isNull();
        }
        return received;
    }

    private static void assertConsecutive(Map<Long, String> received, long first) {
        List<Long> offsets = new ArrayList<>(received.keySet());
        for (int i = 0; i < offsets.size(); i++) {
            assertThat(offsets.get(i)).as("the %d-th message received", i).isEqualTo(first + i);
        }
    }

    /** Publishes with a ref and waits for the reply: ok with the message's position, or an error. */
    private static JsonObject publish(TestClient client, String channel, String text) {
        client.send("{\"type\":\"channel_message\",\"channel\":\"" + channel + "\",\"message\":{\"text\":\"" + text + "\"},\"ref\":\"p\"}");
        return HistoryFrames.replyTo(client, "p");
    }

    /** Connects and joins a history channel. */
    private static TestClient subscriber(int node, String user, String channel) {
        TestClient client = cluster.connect(node, user);
        HistoryFrames.subscribe(client, channel, null);
        return client;
    }

    private static void awaitGridSafe() {
        for (int node = 0; node < cluster.size(); node++) {
            int index = node;
            await("node " + node + "'s grid to have every partition backed up").atMost(Duration.ofSeconds(60))
                    .until(() -> cluster.control(index, "gridSafe"), "true"::equals);
        }
    }

    @Test
    @Order(1)
    void publishersOnEveryNodeGiveEverySubscriberOnEveryNodeTheSameOffsetsInOrderOnceEach() {
        int perPublisher = 300;
        List<TestClient> subscribers = new ArrayList<>();
        List<TestClient> publishers = new ArrayList<>();
        try {
            for (int node = 0; node < NODES; node++) {
                subscribers.add(subscriber(node, "order-sub-" + node, "room:order"));
                publishers.add(subscriber(node, "order-pub-" + node, "room:order"));
            }
            List<CompletableFuture<Void>> publishing = new ArrayList<>();
            for (int node = 0; node < NODES; node++) {
                TestClient publisher = publishers.get(node);
                String name = "p" + node;
                publishing.add(CompletableFuture.runAsync(() -> {
                    for (int n = 0; n < perPublisher; n++) {
                        HistoryFrames.say(publisher, "room:order", name + "-" + n);
                    }
                }));
            }
            publishing.forEach(CompletableFuture::join);

            Map<Long, String> first = null;
            for (TestClient subscriber : subscribers) {
                LinkedHashMap<Long, String> received = receive(subscriber, NODES * perPublisher);
                assertConsecutive(received, 1);
                Map<String, Integer> next = new HashMap<>();
                for (String text : received.values()) {
                    String publisher = text.substring(0, 2);
                    int n = Integer.parseInt(text.substring(3));
                    assertThat(n).as("%s's messages in the order it sent them", publisher).isEqualTo(next.getOrDefault(publisher, 0));
                    next.put(publisher, n + 1);
                }
                if (first == null) {
                    first = received;
                } else {
                    assertThat(received).as("every node delivers the same message at each offset").isEqualTo(first);
                }
                subscriber.expectNothing(Duration.ofMillis(300));
            }
        } finally {
            subscribers.forEach(TestClient::close);
            publishers.forEach(TestClient::close);
        }
    }

    @Test
    @Order(2)
    void aClientWhoseNodeIsKilledRecoversEveryMessagePublishedMeanwhileOnASurvivor() throws Exception {
        int victim = cluster.addNode();
        try (TestClient publisher = subscriber(0, "kill-pub", "room:kill")) {
            TestClient doomed = subscriber(victim, "kill-sub", "room:kill");
            String epoch = null;
            for (int n = 0; n < 20; n++) {
                JsonObject reply = publish(publisher, "room:kill", "before-" + n);
                epoch = reply.getJsonObject("data").getString("epoch");
            }
            assertConsecutive(receive(doomed, 20), 1);
            awaitGridSafe();

            cluster.node(victim).kill();
            doomed.close();
            for (int survivor = 0; survivor < NODES; survivor++) {
                cluster.node(survivor).awaitLog("is gone", Duration.ofSeconds(30));
            }
            List<String> published = new ArrayList<>();
            for (int n = 0; n < 100; n++) {
                JsonObject reply = publish(publisher, "room:kill", "meanwhile-" + n);
                assertThat(reply.getString("status")).as(reply.toString()).isEqualTo("ok");
                published.add("meanwhile-" + n);
            }

            // Node 1 never had a subscriber of room:kill: it answers from what it loads from the grid.
            try (TestClient back = cluster.connect(1, "kill-sub")) {
                JsonObject data = HistoryFrames.subscribe(back, "room:kill", HistoryFrames.since(20, epoch));
                assertThat(data.getBoolean("recovered")).as(data.toString()).isTrue();
                assertThat(data.getString("epoch")).as("the grid kept the stream").isEqualTo(epoch);
                LinkedHashMap<Long, String> recovered = receive(back, 100);
                assertConsecutive(recovered, 21);
                assertThat(new ArrayList<>(recovered.values())).isEqualTo(published);

                publish(publisher, "room:kill", "live");
                assertThat(receive(back, 1)).containsExactly(Map.entry(121L, "live"));
                back.expectNothing(Duration.ofMillis(300));
            }
        } finally {
            cluster.removeLast();
        }
    }

    @Test
    @Order(3)
    void whileTheOwnerOrTheBackupOfAChannelIsFrozenForEightSecondsSubscribersElsewhereGetEveryConfirmedMessageOnceAndInOrder() throws Exception {
        int frozen = cluster.addNode();
        try {
            awaitGridSafe();
            String frozenPort = cluster.config(frozen).get(HazelcastClusterKeys.PORT);
            // One channel whose ring the frozen member owns, one whose backup it holds.
            String owned = channelWhere(replicas -> replicas[0].equals(frozenPort));
            String backedUp = channelWhere(replicas -> replicas[1].equals(frozenPort));
            try (TestClient ownedPublisher = subscriber(0, "owned-pub", owned); TestClient ownedSubscriber = subscriber(1, "owned-sub", owned);
                 TestClient backedPublisher = subscriber(0, "backed-pub", backedUp); TestClient backedSubscriber = subscriber(1, "backed-sub", backedUp)) {
                cluster.node(frozen).freeze();
                long frozenAt = System.nanoTime();
                CompletableFuture<Published> ownedRun = CompletableFuture.supplyAsync(() -> publishThrough(ownedPublisher, owned, frozenAt));
                CompletableFuture<Published> backedRun = CompletableFuture.supplyAsync(() -> publishThrough(backedPublisher, backedUp, frozenAt));
                // 8 s: less than Hazelcast's 10 s verdict, so that the member comes back rather than being
                // replaced (a kill is the test above; on two cores, the migrations after a verdict can
                // make Hazelcast drop a healthy member too, a second failure that one backup cannot cover).
                pause(Duration.ofSeconds(8));
                cluster.node(frozen).thaw();
                assertDeliveredOnceInOrder(ownedSubscriber, "owner frozen", ownedRun.join());
                assertDeliveredOnceInOrder(backedSubscriber, "backup frozen", backedRun.join());
            }
        } finally {
            cluster.node(frozen).kill();
            cluster.removeLast();
        }
    }

    /** @return a history channel whose partition's {owner, backup} Hazelcast ports satisfy the condition */
    private static String channelWhere(java.util.function.Predicate<String[]> replicas) {
        for (int i = 0; i < 1000; i++) {
            String channel = "room:freeze-" + i;
            if (replicas.test(cluster.control(0, "replicas " + channel).split(","))) {
                return channel;
            }
        }
        throw new AssertionError("No channel of 1000 has its partition where wanted");
    }

    /** What a publisher sent through the freeze, which of it the grid confirmed, and the last message (confirmed). */
    private record Published(List<String> sent, Set<String> confirmed, int unavailable, String last) {
    }

    /** Publishes one message at a time, through the freeze and for 7 s after it ended, then a last message until one is confirmed. */
    private static Published publishThrough(TestClient publisher, String channel, long frozenAt) {
        List<String> sent = new ArrayList<>();
        Set<String> confirmed = new HashSet<>();
        int unavailable = 0;
        String last = null;
        for (int n = 0; last == null && n < 100_000; n++) {
            boolean through = Duration.ofNanos(System.nanoTime() - frozenAt).toSeconds() >= 15;
            String text = (through ? "last-" : "m-") + n;
            sent.add(text);
            JsonObject reply = publish(publisher, channel, text);
            // At most about 50 a second: four nodes, two publishers and Hazelcast's recovery share two cores.
            pause(Duration.ofMillis(20));
            if (reply.getString("status").equals("ok")) {
                confirmed.add(text);
                last = through ? text : null;
            } else {
                assertThat(reply.getString("error_type")).as(reply.toString()).isEqualTo("unavailable");
                unavailable++;
            }
        }
        return new Published(sent, confirmed, unavailable, last);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertDeliveredOnceInOrder(TestClient subscriber, String what, Published published) {
        List<String> frames = subscriber.nextUntil(frame -> frame.contains("\"text\":\"" + published.last() + "\""));
        LinkedHashMap<Long, String> received = new LinkedHashMap<>();
        for (String text : frames) {
            JsonObject frame = HistoryFrames.read(text);
            assertThat(received.put(frame.getJsonNumber("offset").longValueExact(), frame.getJsonObject("message").getString("text")))
                    .as("%s: offset %s twice", what, frame.get("offset")).isNull();
        }
        assertConsecutive(received, 1);
        List<String> texts = new ArrayList<>(received.values());
        assertThat(texts).as(what).doesNotHaveDuplicates().containsAll(published.confirmed());
        // A message answered unavailable was retried by the grid in its own time: only confirmed ones keep the order they were sent in.
        List<String> confirmedInOrder = texts.stream().filter(published.confirmed()::contains).toList();
        assertThat(confirmedInOrder).as("%s: confirmed messages in the order they were sent", what)
                .isEqualTo(published.sent().stream().filter(published.confirmed()::contains).toList());
        System.out.println("SIGSTOP, " + what + ": " + published.sent().size() + " published, " + published.confirmed().size()
                + " confirmed, " + published.unavailable() + " answered unavailable; " + texts.size() + " delivered, each once, in order");
    }
}
