package io.hauyna.jakarta;

/**
 * Every configuration key Hauyna reads, declared once.
 *
 * <p>Values come from MicroProfile Config when the server has it (so {@code
 * META-INF/microprofile-config.properties}, environment variables and system properties all work),
 * otherwise from system properties. Every key has a default that needs no configuration. Values
 * are read once, when the application starts.
 *
 * @since 0.1
 */
public final class HauynaConfigKeys {

    /** The prefix of every key. */
    public static final String PREFIX = "hauyna.";

    /**
     * {@code int}, default {@value #DEFAULT_OUTBOUND_MAX_MESSAGES}: how many messages may wait in one
     * connection's outbound queue. Must be at least 1.
     */
    public static final String OUTBOUND_MAX_MESSAGES = PREFIX + "outbound.max-messages";

    /** Default of {@link #OUTBOUND_MAX_MESSAGES}. */
    public static final int DEFAULT_OUTBOUND_MAX_MESSAGES = 1000;

    /**
     * {@code long}, default {@value #DEFAULT_OUTBOUND_MAX_BYTES} (1 MiB): how many bytes (UTF-8) may
     * wait in one connection's outbound queue. A single message larger than this is still accepted
     * when the queue is empty, so that no message is impossible to send.
     */
    public static final String OUTBOUND_MAX_BYTES = PREFIX + "outbound.max-bytes";

    /** Default of {@link #OUTBOUND_MAX_BYTES}. */
    public static final long DEFAULT_OUTBOUND_MAX_BYTES = 1024 * 1024;

    /**
     * {@code close} (default) or {@code drop-oldest}: what happens when a message does not fit in a
     * connection's outbound queue. See {@link OverflowPolicy}.
     */
    public static final String OUTBOUND_OVERFLOW = PREFIX + "outbound.overflow";

    /**
     * {@code String}, no default: the name of a query parameter whose value becomes the connection's
     * identifier when nothing else identifies it, e.g. {@code user_id}.
     *
     * <p><strong>Insecure: for development only.</strong> Anyone can claim any identifier with it.
     * Hauyna logs a warning at start-up when it is set. Use the container's authentication or an
     * {@link io.hauyna.jakarta.spi.IdentifierResolver} that verifies a token in production.
     */
    public static final String IDENTITY_QUERY_PARAMETER = PREFIX + "identity.query-parameter";

    /**
     * {@code boolean}, default {@code true}: whether a connection that no resolver identifies is
     * accepted as anonymous (identifier {@code anonymous:<connection id>}). When {@code false} such a
     * connection is closed with {@link HauynaCloseCodes#AUTHENTICATION_REQUIRED} before the
     * endpoint's {@code @OnOpen} runs.
     */
    public static final String IDENTITY_ALLOW_ANONYMOUS = PREFIX + "identity.allow-anonymous";

    /**
     * Comma-separated header names, default {@value #DEFAULT_HANDSHAKE_HEADERS}: the handshake
     * headers a {@link Connection} keeps for its lifetime (see {@link Connection#headers()}). Other
     * headers, including credentials, are seen by resolvers at the handshake and then dropped.
     */
    public static final String HANDSHAKE_HEADERS = PREFIX + "handshake.headers";

    /** Default of {@link #HANDSHAKE_HEADERS}. */
    public static final String DEFAULT_HANDSHAKE_HEADERS = "User-Agent,Origin,Accept-Language";

    private HauynaConfigKeys() {
    }
}
