package io.hauyna.jakarta.hazelcast;

import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.testing.PresenceView;
import io.hauyna.jakarta.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Presence across three nodes, and what happens to a fourth node's users when that node is killed
 * (SIGKILL), frozen (SIGSTOP), stopped or restarted: the survivors' clients see them leave within
 * 5 seconds, and nothing of them is left behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PresenceAcrossNodesTest {

    private static final String CHANNEL = "presence:lobby";
    private static final Duration BOUND = Duration.ofSeconds(5);
    /** {@code -Dcluster.kill-trials=20} for the figures in the closing note. */
    private static final int KILL_TRIALS = Integer.getInteger("cluster.kill-trials", 2);

    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start("presence", 3, Map.of(HauynaConfigKeys.PRESENCE_CHANNELS, "presence:"));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    /** A client on node {@code node} in the presence channel, with the channel's presence as it sees it. */
    private record Watcher(TestClient client, PresenceView view) implements AutoCloseable {
        static Watcher on(int node, String user) {
            TestClient client = cluster.subscriber(node, user, CHANNEL);
            return new Watcher(client, new PresenceView().readUntil(client, v -> v.states() == 1));
        }

        Watcher awaitPresent(String... users) {
            view.readUntil(client, v -> v.identifiers().containsAll(List.of(users)));
            return this;
        }

        /** @return how long after {@code since} (System.nanoTime) the user's leave arrived */
        Duration awaitGone(String user, long since) {
            view.readUntil(client, v -> !v.identifiers().contains(user));
            return Duration.ofNanos(System.nanoTime() - since);
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private static void awaitSamePresenceEverywhere(String expected) {
        for (int node = 0; node < 3; node++) {
            int index = node;
            await("presence on node " + node).atMost(BOUND)
                    .until(() -> identifiersOf(cluster.control(index, "presence")), expected::equals);
        }
    }

    /** "alice:online:1,bob:online:1" → "alice,bob" */
    private static String identifiersOf(String presence) {
        return String.join(",", presence.isEmpty() ? List.of()
                : java.util.Arrays.stream(presence.split(",")).map(entry -> entry.substring(0, entry.indexOf(':'))).toList());
    }

    @Test
    @Order(1)
    void everyNodeSeesTheUsersOfEveryNode() {
        try (Watcher alice = Watcher.on(0, "alice"); Watcher bob = Watcher.on(1, "bob")) {
            alice.awaitPresent("alice", "bob");
            bob.awaitPresent("alice", "bob");
            awaitSamePresenceEverywhere("alice,bob");
            assertThat(cluster.control(2, "presence")).isEqualTo("alice:online:1,bob:online:1");
            assertThat(cluster.control(2, "presenceEvents")).as("node 2 fires the cluster-wide changes").contains("alice:offline>online", "bob:offline>online");

            try (TestClient secondTab = cluster.subscriber(2, "alice", CHANNEL)) {
                bob.view().readUntil(bob.client(), v -> v.metas("alice").size() == 2);
                assertThat(cluster.control(1, "presence")).isEqualTo("alice:online:2,bob:online:1");
            }
            bob.view().readUntil(bob.client(), v -> v.metas("alice").size() == 1);
            assertThat(cluster.control(2, "presenceEvents")).as("one tab closed: still online").doesNotContain("alice:online>offline");
        }
        awaitSamePresenceEverywhere("");
        assertThat(cluster.control(2, "presenceEvents")).contains("alice:online>offline", "bob:online>offline");
    }

    @Test
    @Order(1)
    void aStateUpdateOrUntrackFromAnyNodeReachesTheEntriesOnEveryNode() {
        try (Watcher carol = Watcher.on(0, "carol"); Watcher dave = Watcher.on(1, "dave")) {
            dave.awaitPresent("carol", "dave");
            assertThat(cluster.control(2, "updateState carol mood happy")).isEqualTo("true");
            assertThat(cluster.control(2, "updateState nobody mood sad")).isEqualTo("false");
            dave.view().readUntil(dave.client(), v -> v.metas("carol").values().stream()
                    .anyMatch(meta -> meta.containsKey("mood") && meta.getString("mood").equals("happy")));

            assertThat(cluster.control(2, "untrack carol")).isEqualTo("ok");
            awaitSamePresenceEverywhere("dave");
            dave.view().readUntil(dave.client(), v -> v.metas("carol").values().stream()
                    .allMatch(meta -> meta.getString("status").equals("offline")));
        }
        awaitSamePresenceEverywhere("");
    }

    @Test
    @Order(2)
    void aKilledNodesUsersLeaveEverySurvivorWithinFiveSeconds() throws Exception {
        List<Long> millis = new ArrayList<>();
        try (Watcher watcher0 = Watcher.on(0, "watcher-0"); Watcher watcher1 = Watcher.on(1, "watcher-1")) {
            for (int trial = 0; trial < KILL_TRIALS; trial++) {
                int victim = cluster.addNode();
                String user = "doomed-" + trial;
                TestClient doomed = cluster.subscriber(victim, user, CHANNEL);
                watcher0.awaitPresent(user);
                watcher1.awaitPresent(user);

                long killed = System.nanoTime();
                cluster.node(victim).kill();
                Duration seen0 = watcher0.awaitGone(user, killed);
                Duration seen1 = watcher1.awaitGone(user, killed);
                millis.add(Math.max(seen0.toMillis(), seen1.toMillis()));
                assertThat(seen0).as("trial %d, node 0", trial).isLessThan(BOUND);
                assertThat(seen1).as("trial %d, node 1", trial).isLessThan(BOUND);
                doomed.close();
                cluster.removeLast();
            }
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.println("kill -9: leaves seen on both survivors after " + sorted + " ms; max " + sorted.get(sorted.size() - 1)
                + " ms, median " + sorted.get(sorted.size() / 2) + " ms over " + sorted.size() + " trials");
        awaitSamePresenceEverywhere("");
    }

    @Test
    @Order(3)
    void aFrozenNodesUsersLeaveWithinFiveSecondsAndComeBackWhenItResumes() throws Exception {
        int frozen = cluster.addNode();
        try (Watcher watcher = Watcher.on(0, "watcher-f"); TestClient sleeper = cluster.subscriber(frozen, "sleeper", CHANNEL)) {
            watcher.awaitPresent("sleeper");

            long stopped = System.nanoTime();
            cluster.node(frozen).freeze();
            Duration gone = watcher.awaitGone("sleeper", stopped);
            assertThat(gone).isLessThan(BOUND);
            await("node 1 forgetting the sleeper").atMost(BOUND.minus(Duration.ofNanos(System.nanoTime() - stopped)))
                    .until(() -> cluster.control(1, "presence"), presence -> !presence.contains("sleeper"));
            Thread.sleep(Math.max(0, 8_000 - Duration.ofNanos(System.nanoTime() - stopped).toMillis()));

            cluster.node(frozen).thaw();
            watcher.awaitPresent("sleeper");
            awaitSamePresenceEverywhere("sleeper,watcher-f");
            System.out.println("SIGSTOP: the leave was seen after " + gone.toMillis() + " ms; back after SIGCONT");
        } finally {
            cluster.node(frozen).kill();
            cluster.removeLast();
        }
        awaitSamePresenceEverywhere("");
    }

    @Test
    @Order(4)
    void aStoppedNodesUsersLeaveAtOnceAndItLeavesNoHazelcastThreadBehind() throws Exception {
        int leaving = cluster.addNode();
        try (Watcher watcher = Watcher.on(0, "watcher-s"); TestClient user = cluster.subscriber(leaving, "leaver", CHANNEL)) {
            watcher.awaitPresent("leaver");

            long stopping = System.nanoTime();
            cluster.node(leaving).stop();
            Duration gone = watcher.awaitGone("leaver", stopping);
            assertThat(cluster.node(leaving).occurrences("STOPPED, Hazelcast threads left: 0")).isEqualTo(1);
            assertThat(gone).as("a graceful stop says goodbye instead of going silent").isLessThan(Duration.ofMillis(1_500));
            System.out.println("stop: the leave was seen after " + gone.toMillis() + " ms");
        } finally {
            cluster.removeLast();
        }
    }

    @Test
    @Order(5)
    void aRestartedNodeRejoinsWithItsNewUsersAndNoGhosts() throws Exception {
        int restarted = cluster.addNode();
        try (Watcher watcher = Watcher.on(1, "watcher-r")) {
            TestClient before = cluster.subscriber(restarted, "before-restart", CHANNEL);
            watcher.awaitPresent("before-restart");
            cluster.node(restarted).kill();
            before.close();
            watcher.awaitGone("before-restart", System.nanoTime());

            cluster.restart(restarted);
            try (TestClient after = cluster.subscriber(restarted, "after-restart", CHANNEL)) {
                watcher.awaitPresent("after-restart");
                awaitSamePresenceEverywhere("after-restart,watcher-r");
            }
        } finally {
            cluster.node(restarted).kill();
            cluster.removeLast();
        }
        awaitSamePresenceEverywhere("");
    }
}
