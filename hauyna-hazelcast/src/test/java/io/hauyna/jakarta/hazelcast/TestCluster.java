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

    private final List<NodeProcess> nodes;
    private final List<Map<String, String>> configs;

    private TestCluster(List<NodeProcess> nodes, List<Map<String, String>> configs) {
        this.nodes = nodes;
        this.configs = configs;
    }

    /** Starts {@code size} nodes at once and waits until each has heard every other. */
    static TestCluster start(String name, int size, Map<String, String> extraConfig) {
        String members = String.join(",", IntStream.range(0, size).mapToObj(i -> "127.0.0.1:" + (FIRST_HAZELCAST_PORT + i)).toList());
        List<Map<String, String>> configs = new ArrayList<>();
        List<CompletableFuture<NodeProcess>> starting = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Map<String, String> config = new LinkedHashMap<>();
            config.put(HazelcastClusterKeys.MEMBERS, members);
            config.put(HazelcastClusterKeys.PORT, Integer.toString(FIRST_HAZELCAST_PORT + i));
            config.put(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");
            config.putAll(extraConfig);
            configs.add(config);
            String nodeName = name + "-" + i;
            starting.add(CompletableFuture.supplyAsync(() -> NodeProcess.start(nodeName, config)));
        }
        TestCluster cluster = new TestCluster(starting.stream().map(CompletableFuture::join).toList(), configs);
        cluster.nodes.forEach(node -> node.awaitLog(" joined", size - 1, Duration.ofSeconds(60)));
        return cluster;
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
