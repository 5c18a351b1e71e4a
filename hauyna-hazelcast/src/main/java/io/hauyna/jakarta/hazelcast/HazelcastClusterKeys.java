package io.hauyna.jakarta.hazelcast;

/**
 * The configuration keys of the {@code hauyna-hazelcast} module, read like Hauyna's own keys
 * (MicroProfile Config when the server has it, else system properties). Hauyna's own cluster keys
 * (the cluster name, the node heartbeat and timeout) are in {@link io.hauyna.jakarta.HauynaConfigKeys}.
 *
 * @since 0.2
 */
public final class HazelcastClusterKeys {

    private static final String PREFIX = "hauyna.cluster.";

    /**
     * {@code auto} (default), {@code embedded}, {@code payara} or {@code client}: which Hazelcast
     * instance carries the traffic.
     * <ul>
     *   <li>{@code embedded}: a member started inside the application, joined over TCP-IP to
     *       {@link #MEMBERS}, and shut down with it;</li>
     *   <li>{@code payara}: the member Payara Server or Payara Micro already runs (JNDI
     *       {@value #PAYARA_JNDI_NAME}); the deployment fails when Payara's data grid is off;</li>
     *   <li>{@code client}: a client of an existing Hazelcast cluster at {@link #MEMBERS}, named
     *       {@link #HAZELCAST_CLUSTER_NAME}; the application waits at start until a member answers,
     *       and the client reconnects for as long as it runs;</li>
     *   <li>{@code auto}: Payara's member when it is bound, else an embedded member.</li>
     * </ul>
     */
    public static final String MODE = PREFIX + "mode";

    /**
     * Comma-separated {@code host} or {@code host:port}, default {@value #DEFAULT_MEMBERS}: the members
     * an embedded member joins, or the cluster a client connects to. A host without a port means
     * ports {@link #PORT} to {@link #PORT}+2.
     */
    public static final String MEMBERS = PREFIX + "members";

    /** Default of {@link #MEMBERS}: nodes on this machine. */
    public static final String DEFAULT_MEMBERS = "127.0.0.1";

    /**
     * {@code int}, default {@value #DEFAULT_PORT}: the port an embedded member listens on; when it is
     * taken, the next free one of the following 100 is used.
     */
    public static final String PORT = PREFIX + "port";

    /** Default of {@link #PORT}: Hazelcast's own default. */
    public static final int DEFAULT_PORT = 5701;

    /**
     * An IP address or a wildcard such as {@code 10.0.*.*}: the network interface an embedded member
     * binds to. Default: {@code 127.0.0.1} when every member in {@link #MEMBERS} is on loopback,
     * else Hazelcast's own choice.
     */
    public static final String INTERFACE = PREFIX + "interface";

    /**
     * {@code String}, default {@value #DEFAULT_HAZELCAST_CLUSTER_NAME}: the Hazelcast cluster name
     * (members with another name never join). Not used with Payara's member, which has its own.
     */
    public static final String HAZELCAST_CLUSTER_NAME = PREFIX + "hazelcast-cluster-name";

    /** Default of {@link #HAZELCAST_CLUSTER_NAME}. */
    public static final String DEFAULT_HAZELCAST_CLUSTER_NAME = "hauyna";

    /**
     * {@code true} or {@code false} (default): whether an embedded member also looks for members by
     * multicast. Off by default, because most networks of servers and containers drop it.
     */
    public static final String MULTICAST = PREFIX + "multicast";

    /**
     * {@code int} seconds, default {@value #DEFAULT_SHUTDOWN_TIMEOUT_SECONDS}: how long an embedded
     * member may take to hand its partitions over when the application stops, before it stops anyway.
     */
    public static final String SHUTDOWN_TIMEOUT_SECONDS = PREFIX + "shutdown-timeout-seconds";

    /** Default of {@link #SHUTDOWN_TIMEOUT_SECONDS}. */
    public static final int DEFAULT_SHUTDOWN_TIMEOUT_SECONDS = 10;

    /** Where Payara binds its own member. */
    public static final String PAYARA_JNDI_NAME = "payara/Hazelcast";

    private HazelcastClusterKeys() {
    }
}
