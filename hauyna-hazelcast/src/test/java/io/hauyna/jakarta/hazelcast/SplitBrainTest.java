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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real network split between three node processes: the kernel's packet filter cuts node 2's
 * Hazelcast member (on its own loopback address) off from nodes 0 and 1 ({@link LoopbackFirewall}),
 * while every client stays connected to its node. Each side carries on alone: within 5 s each sees
 * the other side's users leave, and a direct message still reaches a user on the same side. When the
 * network heals, both sides converge: every node shows the users of both, and messages cross again,
 * each delivered once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SplitBrainTest {

    private static final String SPLIT_ADDRESS = "127.0.33.3";
    private static final String CHANNEL = "presence:lobby";
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final Duration CONVERGENCE = Duration.ofSeconds(60);
    /** What Hazelcast logs when a member's grid holds only itself. */
    private static final String ALONE_IN_ITS_GRID = "Members {size:1,";

    private static LoopbackFirewall firewall;
    private static TestCluster cluster;

    @BeforeAll
    static void startClusterAcrossTwoAddresses() throws Exception {
        Optional<String> missing = LoopbackFirewall.unavailable();
        if (missing.isPresent() && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must run the split test: " + missing.get());
        }
        assumeTrue(missing.isEmpty(), () -> "No packet filter to split the network with: " + missing.orElseThrow());
        firewall = LoopbackFirewall.forAddress(SPLIT_ADDRESS);
        cluster = TestCluster.start("split", List.of("127.0.0.1", "127.0.0.1", SPLIT_ADDRESS), Map.of(
                HauynaConfigKeys.PRESENCE_CHANNELS, "presence:",
                // outgoing member connections leave from the member's own address, so that the filter sees node 2's too
                "hazelcast.socket.client.bind.any", "false"));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (firewall != null) {
            firewall.close();
        }
    }

    /** Long enough for Hazelcast too to drop the other side (10 s without its heartbeat): two grids that merge on healing. */
    @Test
    @Order(1)
    void afterALongSplitBothSidesConverge() throws Exception {
        long aloneBefore = cluster.node(2).occurrences(ALONE_IN_ITS_GRID);
        splitAndHeal("long", Duration.ofSeconds(20));
        assertThat(cluster.node(2).occurrences(ALONE_IN_ITS_GRID)).as("Hazelcast split its grid too").isGreaterThan(aloneBefore);
        assertThat(cluster.node(2).occurrences(" is MERGED")).as("and merged it when the network healed").isEqualTo(1);
    }

    /** Shorter than Hazelcast's timeout: its connections survive and carry late what the split held back. */
    @Test
    @Order(2)
    void afterAShortSplitBothSidesConverge() throws Exception {
        splitAndHeal("short", Duration.ofSeconds(6));
    }

    private static void splitAndHeal(String label, Duration length) throws Exception {
        String alice = "alice-" + label;
        String bob = "bob-" + label;
        String carol = "carol-" + label;
        try (User a = User.on(0, alice); User b = User.on(1, bob); User c = User.on(2, carol)) {
            a.awaitPresent(alice, bob, carol);
            c.awaitPresent(alice, bob, carol);

            long cut = System.nanoTime();
            firewall.cut();
            Duration aliceLostCarol = a.awaitGone(carol, cut);
            c.awaitGone(alice, cut);
            Duration carolLostBoth = c.awaitGone(bob, cut);
            assertThat(aliceLostCarol).as("the majority drops the cut-off node's users").isLessThan(BOUND);
            assertThat(carolLostBoth).as("the cut-off node drops the majority's users").isLessThan(BOUND);

            a.direct(bob, "during");
            assertThat(b.nextDirect()).contains("\"from\":\"" + alice + "\"", "\"during\"");
            assertThat(a.direct(carol, "during")).as("nobody on alice's side knows carol").contains("\"error_type\":\"not_found\"");
            assertThat(c.direct(alice, "during")).contains("\"error_type\":\"not_found\"");

            Thread.sleep(Math.max(0, length.toMillis() - Duration.ofNanos(System.nanoTime() - cut).toMillis()));
            long healed = System.nanoTime();
            firewall.heal();
            String everyone = String.join(",", new TreeSet<>(List.of(alice, bob, carol)));
            for (int node = 0; node < 3; node++) {
                int index = node;
                await("node " + node + " showing both sides").atMost(CONVERGENCE).pollInterval(Duration.ofMillis(100))
                        .until(() -> identifiersOf(cluster.control(index, "presence")), everyone::equals);
            }
            Duration converged = Duration.ofNanos(System.nanoTime() - healed);
            a.awaitPresent(carol);
            c.awaitPresent(alice, bob);

            assertThat(a.direct(carol, "after")).contains("\"status\":\"ok\"");
            List<String> toCarol = c.directsUntil("\"after\"");
            assertThat(toCarol.stream().filter(frame -> frame.contains("\"after\"")).count()).isEqualTo(1);
            assertThat(toCarol.stream().filter(frame -> frame.contains("\"during\"")).count())
                    .as("a message held back by the split arrives late or never, never twice").isLessThanOrEqualTo(1);
            c.direct(bob, "after");
            assertThat(b.nextDirect()).contains("\"from\":\"" + carol + "\"", "\"after\"");
            c.talker().expectNothing(Duration.ofMillis(500));
            b.talker().expectNothing(Duration.ofMillis(500));
            System.out.printf("%s split of %d s: users of the other side gone after %d ms (majority) and %d ms (cut-off node);"
                            + " every node agreed %d ms after healing%n", label, length.toSeconds(), aliceLostCarol.toMillis(),
                    carolLostBoth.toMillis(), converged.toMillis());
        }
        for (int node = 0; node < 3; node++) {
            int index = node;
            await("node " + node + " empty").atMost(BOUND).until(() -> cluster.control(index, "presence"), String::isEmpty);
        }
    }

    /** "alice:online:1,bob:online:2" → "alice,bob" */
    private static String identifiersOf(String presence) {
        return String.join(",", presence.isEmpty() ? List.of()
                : Arrays.stream(presence.split(",")).map(entry -> entry.substring(0, entry.indexOf(':'))).sorted().toList());
    }

    /**
     * One user on one node with two connections: a watcher in the presence channel, whose view is
     * read, and a talker for direct messages, so that neither reads the other's frames.
     */
    private record User(TestClient watcher, PresenceView view, TestClient talker) implements AutoCloseable {

        private static int refs;

        static User on(int node, String user) {
            TestClient watcher = cluster.subscriber(node, user, CHANNEL);
            PresenceView view = new PresenceView().readUntil(watcher, v -> v.states() == 1);
            return new User(watcher, view, cluster.connect(node, user));
        }

        void awaitPresent(String... users) {
            view.readUntil(watcher, v -> v.identifiers().containsAll(List.of(users)));
        }

        /** @return how long after {@code since} (System.nanoTime) the user's leave arrived */
        Duration awaitGone(String user, long since) {
            view.readUntil(watcher, v -> !v.identifiers().contains(user));
            return Duration.ofNanos(System.nanoTime() - since);
        }

        /** Sends {@code {"text": text}} to {@code to}; @return the reply */
        String direct(String to, String text) {
            int ref = ++refs;
            talker.send("{\"type\":\"direct_message\",\"to\":\"" + to + "\",\"message\":{\"text\":\"" + text + "\"},\"ref\":" + ref + "}");
            return last(talker.nextUntil(frame -> frame.startsWith("{\"type\":\"reply\",\"ref\":" + ref + ",")));
        }

        String nextDirect() {
            return last(talker.nextUntil(frame -> frame.startsWith("{\"type\":\"direct_message\"")));
        }

        /** @return the direct messages received up to the first that contains {@code text} */
        List<String> directsUntil(String text) {
            return talker.nextUntil(frame -> frame.contains(text)).stream()
                    .filter(frame -> frame.startsWith("{\"type\":\"direct_message\"")).toList();
        }

        private static String last(List<String> frames) {
            return frames.get(frames.size() - 1);
        }

        @Override
        public void close() {
            watcher.close();
            talker.close();
        }
    }
}
