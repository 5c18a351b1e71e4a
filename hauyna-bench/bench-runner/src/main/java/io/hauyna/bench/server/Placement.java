package io.hauyna.bench.server;

/**
 * Where a server under test runs: {@link #ALONE}, with clustering off, as every single-node scenario
 * runs it; or as node {@code index} of a Hauyna cluster of up to {@link #MAX_NODES} instances of the
 * same server on loopback, each its own process with its own HTTP port.
 *
 * @param index     0 for a server alone; a node's place in the cluster, which fixes its ports
 * @param clustered whether the server joins the other nodes
 */
public record Placement(int index, boolean clustered) {

    /** The largest cluster the benchmark starts: three nodes and the load generator on two cores. */
    public static final int MAX_NODES = 3;

    /** One server, clustering off, on {@link ServerLauncher#PORT}. */
    public static final Placement ALONE = new Placement(0, false);

    public Placement {
        if (index < 0 || index >= MAX_NODES || (!clustered && index != 0)) {
            throw new IllegalArgumentException("No place " + index + (clustered ? " in a cluster of at most " + MAX_NODES : " alone"));
        }
    }

    /** @return node {@code index} of the cluster */
    public static Placement node(int index) {
        return new Placement(index, true);
    }

    /** @return the node's HTTP port: {@link ServerLauncher#PORT}, then 100 higher per node (WildFly shifts all its ports so) */
    public int httpPort() {
        return ServerLauncher.PORT + 100 * index;
    }

    /** @return "" alone, " node 1" for node 1: what names the node's process and log */
    String suffix() {
        return clustered ? " node " + index : "";
    }
}
