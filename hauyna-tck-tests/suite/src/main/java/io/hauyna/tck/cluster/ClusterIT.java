package io.hauyna.tck.cluster;

import io.hauyna.jakarta.hazelcast.HazelcastBackplane;
import io.hauyna.jakarta.testing.PresenceView;
import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.tck.TckArchive;
import io.hauyna.tck.TckProtocolEndpoint;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two instances of the server under test, each its own process with the same WAR and
 * {@code hauyna-hazelcast}, behave as one: channel messages, direct and group messages, and presence
 * cross between them, and a killed instance's users leave the other within 5 seconds. Runs where
 * the server module names a launcher in {@code tck.cluster.launcher}; Arquillian is not involved,
 * since it manages a single container.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String CONTEXT = "/hauyna-cluster";
    private static final Pattern MESSAGE = Pattern.compile(
            "\\{\"type\":\"channel_message\",\"channel\":\"room:cluster\",\"from\":\"(pub-\\d)\",\"message\":\\{\"n\":(\\d+)}}");

    private static ServerNodes nodes;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        nodes = ServerNodes.fromSystemProperties();
        assumeTrue(nodes != null, "No two-instance launcher for " + System.getProperty("tck.server")
                + ": clustering is verified on Payara Micro (Payara's member) and WildFly (embedded member)");
        WebArchive war = TckArchive.war(CONTEXT.substring(1), TckProtocolEndpoint.class)
                .addAsLibrary(TckArchive.libraryOf(HazelcastBackplane.class, "hauyna-hazelcast.jar"));
        if (nodes.bundlesHazelcast()) {
            war.addAsLibrary(TckArchive.libraryOf(com.hazelcast.core.Hazelcast.class, "hazelcast.jar"));
        }
        Path file = Files.createDirectories(Path.of("target", "cluster-nodes")).resolve(war.getName());
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        nodes.start(2, file, Map.of("hauyna.presence.channels", "presence:", "hauyna.rate-limit.per-second", "0"));
        for (int node = 0; node < 2; node++) {
            int index = node;
            await("node " + node + " hearing the other").atMost(Duration.ofSeconds(60)).until(() -> nodes.joinsLogged(index) >= 1);
            assertThat(nodes.logLines(node, "application '" + CONTEXT.substring(1) + "'"))
                    .as("the cluster name defaults to the context path").isEqualTo(1);
        }
    }

    @AfterAll
    static void stopNodes() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    private static TestClient connect(int node, String user, String extraQuery) {
        TestClient client = TestClient.connect(nodes.uri(node, CONTEXT + "/protocol?user_id=" + user + extraQuery));
        client.send("{\"type\":\"ping\",\"ref\":\"hello\"}");
        assertThat(client.next()).isEqualTo("{\"type\":\"pong\",\"ref\":\"hello\"}");
        return client;
    }

    private static TestClient subscriber(int node, String user, String channel) {
        TestClient client = connect(node, user, "");
        client.send("{\"type\":\"subscribe_channel\",\"channel\":\"" + channel + "\",\"ref\":\"join\"}");
        assertThat(client.next()).isEqualTo("{\"type\":\"reply\",\"ref\":\"join\",\"status\":\"ok\"}");
        return client;
    }

    @Test
    @Order(1)
    void channelMessagesFromBothNodesReachEverySubscriberOnceInPublisherOrder() {
        int perPublisher = 500;
        List<TestClient> clients = new ArrayList<>();
        try {
            TestClient sub0 = subscriber(0, "sub-0", "room:cluster");
            TestClient sub1 = subscriber(1, "sub-1", "room:cluster");
            TestClient pub0 = subscriber(0, "pub-0", "room:cluster");
            TestClient pub1 = subscriber(1, "pub-1", "room:cluster");
            clients.addAll(List.of(sub0, sub1, pub0, pub1));
            await("the other node to know both subscriptions").atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(200))
                    .until(() -> true);
            CompletableFuture<?> publishing0 = CompletableFuture.runAsync(() -> publish(pub0, perPublisher));
            CompletableFuture<?> publishing1 = CompletableFuture.runAsync(() -> publish(pub1, perPublisher));
            publishing0.join();
            publishing1.join();

            assertInPublisherOrder(sub0, 2 * perPublisher, null);
            assertInPublisherOrder(sub1, 2 * perPublisher, null);
            assertInPublisherOrder(pub0, perPublisher, "pub-0");
            assertInPublisherOrder(pub1, perPublisher, "pub-1");
        } finally {
            clients.forEach(TestClient::close);
        }
    }

    private static void publish(TestClient publisher, int count) {
        for (int n = 0; n < count; n++) {
            publisher.send("{\"type\":\"channel_message\",\"channel\":\"room:cluster\",\"message\":{\"n\":" + n + "}}");
        }
    }

    private static void assertInPublisherOrder(TestClient client, int expected, String ownPublisher) {
        Map<String, Integer> next = new HashMap<>();
        for (int i = 0; i < expected; i++) {
            String frame = client.next();
            Matcher matcher = MESSAGE.matcher(frame);
            assertThat(matcher.matches()).as("message %d: %s", i, frame).isTrue();
            assertThat(matcher.group(1)).isNotEqualTo(ownPublisher);
            assertThat(Integer.parseInt(matcher.group(2))).as("message %d from %s", i, matcher.group(1))
                    .isEqualTo(next.getOrDefault(matcher.group(1), 0));
            next.merge(matcher.group(1), 1, Integer::sum);
        }
        client.expectNothing(Duration.ofMillis(300));
    }

    @Test
    @Order(2)
    void directAndGroupMessagesReachAUserOnTheOtherNode() {
        try (TestClient alice = connect(0, "alice", "&group=staff&role=admin"); TestClient bob = connect(1, "bob", "&group=staff")) {
            await("bob known on node 0").atMost(Duration.ofSeconds(10)).until(() -> {
                alice.send("{\"type\":\"direct_message\",\"to\":\"bob\",\"message\":\"ping\",\"ref\":1}");
                return alice.next().equals("{\"type\":\"reply\",\"ref\":1,\"status\":\"ok\"}");
            });
            assertThat(bob.next()).isEqualTo("{\"type\":\"direct_message\",\"from\":\"alice\",\"message\":\"ping\"}");

            alice.send("{\"type\":\"direct_message\",\"to\":\"nobody\",\"message\":\"?\",\"ref\":2}");
            assertThat(alice.next()).startsWith("{\"type\":\"reply\",\"ref\":2,\"status\":\"error\",\"error_type\":\"not_found\",");

            alice.send("{\"type\":\"group_message\",\"group\":\"staff\",\"message\":\"standup\"}");
            assertThat(bob.next()).isEqualTo("{\"type\":\"group_message\",\"group\":\"staff\",\"from\":\"alice\",\"message\":\"standup\"}");
        }
    }

    @Test
    @Order(3)
    void presenceSpansBothNodesAndAKilledNodesUsersLeaveWithinFiveSeconds() throws Exception {
        try (TestClient watcher = subscriber(0, "watcher", "presence:tck"); TestClient doomed = subscriber(1, "doomed", "presence:tck")) {
            PresenceView view = new PresenceView().readUntil(watcher, v -> v.identifiers().contains("doomed"));
            assertThat(view.metas("doomed")).hasSize(1);
            new PresenceView().readUntil(doomed, v -> v.identifiers().containsAll(List.of("watcher", "doomed")));

            long killed = System.nanoTime();
            nodes.kill(1);
            view.readUntil(watcher, v -> !v.identifiers().contains("doomed"));
            Duration gone = Duration.ofNanos(System.nanoTime() - killed);
            System.out.println("ClusterIT: after kill -9, the other node's client saw the leave after " + gone.toMillis() + " ms");
            assertThat(gone).isLessThan(Duration.ofSeconds(5));
        }
    }
}
