package io.hauyna.jakarta.hazelcast;

import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Several {@link NodeProcess}es of one application on loopback, each with an embedded Hazelcast
 * member listening on its own port and listing the others.
 */
final class TestCluster implements AutoCloseable {

    private static final int FIRST_HAZELCAST_PORT = 15701;
    private static final String LOOPBACK = "127.0.0.1";

    private final List<NodeProcess> nodes;
    private final List<Map<String, String>> configs;
    private final String name;
    private final Map<String, String> extraConfig;

    private TestCluster(String name, List<NodeProcess> nodes, List<Map<String, String>> configs, Map<String, String> extraConfig) {
        this.name = name;
        this.nodes = new ArrayList<>(nodes);
        this.configs = new ArrayList<>(configs);
        this.extraConfig = extraConfig;
    }

    /** Starts {@code size} nodes at once, every member on 127.0.0.1, and waits until each has heard every other. */
    static TestCluster start(String name, int size, Map<String, String> extraConfig) {
        return start(name, java.util.Collections.nCopies(size, LOOPBACK), extraConfig);
    }

    /**
     * Starts one node per entry of {@code hosts} at once, each with its Hazelcast member on that
     * loopback address (an address other than 127.0.0.1 must be the loopback interface's, see
     * {@link LoopbackFirewall}), and waits until each has heard every other.
     */
    static TestCluster start(String name, List<String> hosts, Map<String, String> extraConfig) {
        int size = hosts.size();
        String members = String.join(",", IntStream.range(0, size).mapToObj(i -> hosts.get(i) + ":" + (FIRST_HAZELCAST_PORT + i)).toList());
        List<Map<String, String>> configs = new ArrayList<>();
        List<CompletableFuture<NodeProcess>> starting = new ArrayList<>();
        // with several local addresses among the members, each member must be told which one is its own
        boolean severalAddresses = hosts.stream().distinct().count() > 1;
        for (int i = 0; i < size; i++) {
            Map<String, String> config = config(i, members, extraConfig);
            if (severalAddresses) {
                config.put(HazelcastClusterKeys.INTERFACE, hosts.get(i));
            }
            configs.add(config);
            String nodeName = name + "-" + i;
            starting.add(CompletableFuture.supplyAsync(() -> NodeProcess.start(nodeName, config)));
        }
        TestCluster cluster = new TestCluster(name, starting.stream().map(CompletableFuture::join).toList(), configs, extraConfig);
        cluster.nodes.forEach(node -> node.awaitLog(" joined", size - 1, Duration.ofSeconds(60)));
        return cluster;
    }

    private static Map<String, String> config(int index, String members, Map<String, String> extraConfig) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(HazelcastClusterKeys.MEMBERS, members);
        config.put(HazelcastClusterKeys.PORT, Integer.toString(FIRST_HAZELCAST_PORT + index));
        config.put(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");
        config.putAll(extraConfig);
        return config;
    }

    /**
     * Starts one more node, which lists the first member and itself, and waits until it and every
     * running node have heard each other.
     *
     * @return its index
     */
    int addNode() {
        int index = nodes.size();
        Map<String, String> config = config(index, "127.0.0.1:" + FIRST_HAZELCAST_PORT + ",127.0.0.1:" + (FIRST_HAZELCAST_PORT + index), extraConfig);
        long[] joinedBefore = nodes.stream().mapToLong(node -> node.occurrences(" joined")).toArray();
        NodeProcess added = NodeProcess.start(name + "-" + index, config);
        nodes.add(added);
        configs.add(config);
        added.awaitLog(" joined", index, Duration.ofSeconds(60));
        for (int i = 0; i < index; i++) {
            nodes.get(i).awaitLog(" joined", (int) joinedBefore[i] + 1, Duration.ofSeconds(60));
        }
        return index;
    }

    /** Starts a node that was killed or stopped again, and waits until the running nodes have heard it. */
    void restart(int index) {
        long[] joinedBefore = nodes.stream().mapToLong(node -> node.occurrences(" joined")).toArray();
        nodes.get(index).restart(configs.get(index));
        for (int i = 0; i < nodes.size(); i++) {
            if (i != index) {
                nodes.get(i).awaitLog(" joined", (int) joinedBefore[i] + 1, Duration.ofSeconds(60));
            }
        }
    }

    /** Forgets the last node added, after it was killed or stopped, so that {@link #addNode()} reuses its index. */
    void removeLast() throws InterruptedException {
        nodes.remove(nodes.size() - 1).close();
        configs.remove(configs.size() - 1);
    }

    NodeProcess node(int index) {
        return nodes.get(index);
    }

    Map<String, String> config(int index) {
        return configs.get(index);
    }

    int size() {
        return nodes.size();
    }

    /** Connects to a node as {@code user} over the Hauyna protocol, after a ping has been answered. */
    TestClient connect(int node, String user) {
        TestClient client = TestClient.connect(node(node).uri("/protocol?user_id=" + user));
        client.send("{\"type\":\"ping\",\"ref\":\"hello\"}");
        String pong = client.next();
        if (!pong.equals("{\"type\":\"pong\",\"ref\":\"hello\"}")) {
            throw new AssertionError("Expected the pong first, got " + pong);
        }
        return client;
    }

    /** Calls a node's server API through its {@link ControlEndpoint}. */
    String control(int node, String command) {
        try (TestClient control = TestClient.connect(node(node).uri("/control"))) {
            control.send(command);
            return control.next();
        }
    }

    /** Connects and joins a channel. */
    TestClient subscriber(int node, String user, String channel) {
        TestClient client = connect(node, user);
        ProtocolEndpoint.join(client, channel, "{}");
        return client;
    }

    @Override
    public void close() throws Exception {
        for (NodeProcess node : nodes) {
            node.close();
        }
    }
}
