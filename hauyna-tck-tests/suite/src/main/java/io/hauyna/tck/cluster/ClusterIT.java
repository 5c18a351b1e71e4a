package io.hauyna.tck.cluster;

import io.hauyna.jakarta.hazelcast.HazelcastBackplane;
import io.hauyna.jakarta.testing.HistoryFrames;
import io.hauyna.jakarta.testing.PresenceView;
import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.tck.TckArchive;
import io.hauyna.tck.TckProtocolEndpoint;
import io.hauyna.tck.browser.Browser;
import io.hauyna.tck.sample.SampleWar;
import jakarta.json.JsonObject;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

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
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two instances of the server under test, each its own process with the same two WARs (a test WAR
 * and the sample) and {@code hauyna-hazelcast}, behave as one: channel messages, direct and group
 * messages and presence cross between them, history channels have one order of offsets on both and a
 * client resumes on the other instance, the sample's chat page on one instance talks to the page on
 * the other in real Chromium, and a killed instance's users leave the other within 5 seconds.
 * Runs where the server module names a launcher in {@code tck.cluster.launcher}; Arquillian is not
 * involved, since it manages a single container.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String CONTEXT = "/hauyna-cluster";
    private static final String SAMPLE = "/hauyna-sample";
    private static final Pattern MESSAGE = Pattern.compile(
            "\\{\"type\":\"channel_message\",\"channel\":\"room:cluster\",\"from\":\"(pub-\\d)\",\"message\":\\{\"n\":(\\d+)}}");

    private static ServerNodes nodes;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        nodes = ServerNodes.fromSystemProperties();
        assumeTrue(nodes != null, "No two-instance launcher for " + System.getProperty("tck.server")
                + ": clustering is verified on Payara Micro (Payara's member) and WildFly (embedded member)");
        WebArchive war = TckArchive.war(CONTEXT.substring(1),
                Map.of("hauyna.presence.channels", "presence:", "hauyna.rate-limit.per-second", "0", "hauyna.history.channels", "hist:"),
                TckProtocolEndpoint.class);
        // The sample as built: its rooms keep their history in the grid.
        WebArchive sample = SampleWar.asBuilt(SAMPLE.substring(1) + ".war");
        nodes.start(2, List.of(clustered(war), clustered(sample)), Map.of());
        for (int node = 0; node < 2; node++) {
            int index = node;
            await("node " + node + " hearing the other").atMost(Duration.ofSeconds(60)).until(() -> nodes.joinsLogged(index) >= 1);
            assertThat(nodes.logLines(node, "application '" + CONTEXT.substring(1) + "'"))
                    .as("the cluster name defaults to the context path").isEqualTo(1);
        }
    }

    /** @return the WAR with {@code hauyna-hazelcast} (and Hazelcast, where the server has none) added, written to a file */
    private static Path clustered(WebArchive war) throws java.io.IOException {
        war.addAsLibrary(TckArchive.libraryOf(HazelcastBackplane.class, "hauyna-hazelcast.jar"));
        if (nodes.bundlesHazelcast()) {
            war.addAsLibrary(TckArchive.libraryOf(com.hazelcast.core.Hazelcast.class, "hazelcast.jar"));
        }
        Path file = Files.createDirectories(Path.of("target", "cluster-nodes")).resolve(war.getName());
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
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
    void aHistoryChannelHasOneOrderOnBothNodesAndAClientResumesOnTheOtherNode() {
        List<Long> offsets = new ArrayList<>();
        String epoch;
        try (TestClient a = connect(0, "hist-a", ""); TestClient b = connect(1, "hist-b", "")) {
            epoch = HistoryFrames.subscribe(a, "hist:tck", null).getString("epoch");
            assertThat(HistoryFrames.subscribe(b, "hist:tck", null).getString("epoch")).as("one stream, kept by the grid").isEqualTo(epoch);
            for (int n = 0; n < 30; n++) {
                TestClient publisher = n % 2 == 0 ? a : b;
                publisher.send("{\"type\":\"channel_message\",\"channel\":\"hist:tck\",\"message\":{\"text\":\"m" + n + "\"},\"ref\":\"p\"}");
                JsonObject reply = HistoryFrames.replyTo(publisher, "p");
                assertThat(reply.getString("status", "")).as(reply.toString()).isEqualTo("ok");
                offsets.add(reply.getJsonObject("data").getJsonNumber("offset").longValue());
            }
        }
        long first = offsets.get(0);
        assertThat(offsets).as("numbered by the grid, whichever node published").isEqualTo(LongStream.range(first, first + 30).boxed().toList());

        try (TestClient c = connect(1, "hist-c", "")) {
            JsonObject data = HistoryFrames.subscribe(c, "hist:tck", HistoryFrames.since(first + 9, epoch));
            assertThat(data.getBoolean("recovered")).as(data.toString()).isTrue();
            List<String> replayed = c.next(20).stream().map(HistoryFrames::read)
                    .map(frame -> frame.getJsonNumber("offset").longValue() + ":" + frame.getJsonObject("message").getString("text")).toList();
            assertThat(replayed).isEqualTo(IntStream.range(10, 30).mapToObj(n -> (first + n) + ":m" + n).toList());
        }
    }

    @Test
    @Order(4)
    void chatPagesOnTwoNodesTalkSeeEachOtherAndAKilledNodesUsersLeaveWithinFiveSeconds() throws Exception {
        try (Browser bob = signIn(0, "bob"); Browser alice = signIn(1, "alice");
             TestClient watcher = subscriber(0, "watcher", "presence:tck"); TestClient doomed = subscriber(1, "doomed", "presence:tck")) {
            seesPresent(alice, "bob");
            seesPresent(bob, "alice");
            alice.type("#text", "hello from node 1");
            alice.click("#sendButton");
            bob.await("alice's message on node 0", d -> bob.texts("#messages li").stream().anyMatch(li -> li.contains("alice: hello from node 1")));
            bob.type("#text", "hi from node 0");
            bob.click("#sendButton");
            alice.await("bob's message on node 1", d -> alice.texts("#messages li").stream().anyMatch(li -> li.contains("bob: hi from node 0")));
            PresenceView view = new PresenceView().readUntil(watcher, v -> v.identifiers().contains("doomed"));
            assertThat(view.metas("doomed")).hasSize(1);

            long killed = System.nanoTime();
            nodes.kill(1);
            view.readUntil(watcher, v -> !v.identifiers().contains("doomed"));
            Duration gone = Duration.ofNanos(System.nanoTime() - killed);
            System.out.println("ClusterIT: after kill -9, the other node's client saw the leave after " + gone.toMillis() + " ms");
            assertThat(gone).isLessThan(Duration.ofSeconds(5));
            bob.await("alice gone from bob's page after node 1 was killed",
                    d -> d.findElements(By.cssSelector("#presence li[data-id='alice']")).isEmpty());
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(6));
        }
    }

    private static Browser signIn(int node, String user) {
        Browser browser = new Browser();
        browser.open(nodes.page(node, SAMPLE + "/chat.html"));
        browser.type("#user", user);
        browser.type("#room", "lobby");
        browser.click("#connectButton");
        browser.await(user + " connected", d -> browser.find("#status").getAttribute("data-state").equals("connected"));
        return browser;
    }

    private static void seesPresent(Browser browser, String user) {
        browser.await(user + " shown present", d -> !d.findElements(By.cssSelector("#presence li[data-id='" + user + "']")).isEmpty());
    }
}
