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
     * {@code int}, default {@value #DEFAULT_OUTBOUND_CONTAINER_BUFFER_BYTES} (64 KiB): on Payara and
     * GlassFish, how many bytes Grizzly may buffer for one WebSocket connection beyond what its socket
     * took. Grizzly's own limit is four times the socket's send buffer (several MiB on Linux), and
     * Tyrus reports a send complete once Grizzly holds it, so without this a client that stops reading
     * costs that much heap before {@link #OUTBOUND_MAX_BYTES} applies. {@code 0} keeps Grizzly's own
     * limit. Other servers are not affected.
     *
     * @since 0.1
     */
    public static final String OUTBOUND_CONTAINER_BUFFER_BYTES = PREFIX + "outbound.container-buffer-bytes";

    /** Default of {@link #OUTBOUND_CONTAINER_BUFFER_BYTES}. */
    public static final int DEFAULT_OUTBOUND_CONTAINER_BUFFER_BYTES = 64 * 1024;

    /**
     * {@code boolean}, default {@code true}: on Tyrus (Payara, GlassFish), build each message's
     * WebSocket frame once per fan-out and write it to every recipient through Tyrus's raw-frame path,
     * instead of calling {@code RemoteEndpoint.Async.sendText} once per recipient. The bytes on the
     * wire, the outbound queue, its bounds and {@link #OUTBOUND_OVERFLOW} are the same either way; the
     * raw path costs the server several times less CPU per delivery. Connections that negotiated an
     * extension, or whose session has a max idle timeout, always use {@code sendText}. {@code false}
     * uses {@code sendText} everywhere. Other servers are not affected.
     *
     * @since 0.1
     */
    public static final String OUTBOUND_TYRUS_RAW_FRAMES = PREFIX + "outbound.tyrus-raw-frames";

    /**
     * {@code boolean}, default {@code true}: on Undertow (WildFly), encode each message in UTF-8 once
     * per fan-out and hand the same bytes to every recipient through Undertow's own text send,
     * instead of {@code RemoteEndpoint.Async.sendText}, which encodes the text again (a new array as
     * large as the message) for each recipient. Frames, extensions, idle timeouts, the outbound queue
     * and {@link #OUTBOUND_OVERFLOW} are the same either way. {@code false} uses {@code sendText}.
     * Other servers are not affected.
     *
     * @since 0.1
     */
    public static final String OUTBOUND_UNDERTOW_ENCODED_TEXT = PREFIX + "outbound.undertow-encoded-text";

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
     * {@code String}, default {@value #DEFAULT_IDENTITY_TOKEN_QUERY_PARAMETER}: the query parameter in
     * which a client may pass a bearer token for the {@link io.hauyna.jakarta.spi.TokenVerifier}
     * (the {@code Authorization} header and a {@code bearer.<token>} subprotocol entry also work).
     * Read only when the application has a verifier.
     */
    public static final String IDENTITY_TOKEN_QUERY_PARAMETER = PREFIX + "identity.token-query-parameter";

    /** Default of {@link #IDENTITY_TOKEN_QUERY_PARAMETER}. */
    public static final String DEFAULT_IDENTITY_TOKEN_QUERY_PARAMETER = "access_token";

    /**
     * Comma-separated origins, default none (same origin only): the {@code Origin}s from which a
     * browser may open a WebSocket, e.g. {@code https://app.example.com, https://admin.example.com}.
     * With none listed, only an origin whose host and port equal the request's {@code Host} header
     * is accepted; {@code *} accepts every origin (do not, with cookie-based login: that is what
     * cross-site WebSocket hijacking exploits). A refused upgrade gets HTTP 403 and a log line.
     * Behind a proxy that rewrites {@code Host}, list your public origin.
     */
    public static final String ORIGINS_ALLOWED = PREFIX + "origins.allowed";

    /**
     * {@code boolean}, default {@code false}: whether an upgrade without an {@code Origin} header is
     * refused (HTTP 403). Browsers always send one; other clients (servers, mobile apps, test tools)
     * usually do not, and cannot be driven by a malicious page, so they are allowed by default.
     */
    public static final String ORIGINS_REQUIRE = PREFIX + "origins.require";

    /**
     * Comma-separated channel patterns, default none: channels private to one user or one route.
     * In a pattern, {@code {id}} stands for the connection's identifier and any other
     * {@code {name}} for the connection's path parameter of that name; a channel that matches a
     * pattern may be joined and published to only by connections whose values are the channel's.
     * E.g. {@code notifications:{id}} keeps {@code notifications:alice} to alice, and
     * {@code room:{room}:typing} keeps that channel to connections opened on that room's route.
     * Checked before every {@link io.hauyna.jakarta.spi.ChannelAuthorizer}; refused with
     * {@code forbidden}.
     */
    public static final String CHANNELS_PRIVATE = PREFIX + "channels.private";

    /**
     * Prefix of the keys that give a group role its permissions: {@code hauyna.groups.permissions.<role>}
     * is a comma-separated list of {@link io.hauyna.jakarta.GroupPermission} wire names, or
     * {@code none}. Defaults: {@code admin} may {@code group_message} and {@code group_kick};
     * {@code member} may {@code group_message}; any other role has no permission until configured.
     * E.g. {@code hauyna.groups.permissions.member=none} makes members read-only.
     */
    public static final String GROUPS_PERMISSIONS_PREFIX = PREFIX + "groups.permissions.";

    /**
     * Comma-separated header names, default {@value #DEFAULT_HANDSHAKE_HEADERS}: the handshake
     * headers a {@link Connection} keeps for its lifetime (see {@link Connection#headers()}). Other
     * headers, including credentials, are seen by resolvers at the handshake and then dropped.
     */
    public static final String HANDSHAKE_HEADERS = PREFIX + "handshake.headers";

    /** Default of {@link #HANDSHAKE_HEADERS}. */
    public static final String DEFAULT_HANDSHAKE_HEADERS = "User-Agent,Origin,Accept-Language";

    /**
     * {@code boolean}, default {@code true}: whether every connection is tracked in
     * {@link Presence} automatically, with empty state. When {@code false}, only connections the
     * application tracks with {@link Presence#track(jakarta.websocket.Session, java.util.Map)} count.
     */
    public static final String PRESENCE_TRACK_CONNECTIONS = PREFIX + "presence.track-connections";

    /**
     * {@code long} seconds, default {@value #DEFAULT_PRESENCE_AWAY_AFTER}: how long a user may send
     * nothing on any connection before their status becomes {@link PresenceStatus#AWAY}.
     */
    public static final String PRESENCE_AWAY_AFTER = PREFIX + "presence.away-after";

    /** Default of {@link #PRESENCE_AWAY_AFTER}: 5 minutes. */
    public static final long DEFAULT_PRESENCE_AWAY_AFTER = 300;

    /**
     * Comma-separated channel name prefixes, no default: channels whose names start with one of
     * them carry presence on the wire ({@code presence_state}, {@code presence_diff}), e.g.
     * {@code room:}. A lone {@code *} means every channel.
     */
    public static final String PRESENCE_CHANNELS = PREFIX + "presence.channels";

    /**
     * {@code long} milliseconds, default {@value #DEFAULT_PRESENCE_DIFF_INTERVAL_MS}: presence
     * changes within this window are sent as one {@code presence_diff} per channel and subscriber.
     */
    public static final String PRESENCE_DIFF_INTERVAL_MS = PREFIX + "presence.diff-interval-ms";

    /** Default of {@link #PRESENCE_DIFF_INTERVAL_MS}. */
    public static final long DEFAULT_PRESENCE_DIFF_INTERVAL_MS = 50;

    /**
     * {@code long} seconds, default {@value #DEFAULT_HEARTBEAT_INTERVAL}: how often the server sends
     * a WebSocket ping to each connection; 0 sends none. Per endpoint: {@link Heartbeat}.
     */
    public static final String HEARTBEAT_INTERVAL = PREFIX + "heartbeat.interval";

    /** Default of {@link #HEARTBEAT_INTERVAL}. */
    public static final long DEFAULT_HEARTBEAT_INTERVAL = 30;

    /**
     * {@code long} seconds, default {@value #DEFAULT_HEARTBEAT_TIMEOUT}: a connection from which
     * nothing arrived (no frame, no pong) for this long is closed with
     * {@link HauynaCloseCodes#HEARTBEAT_TIMEOUT}; 0 never closes. Browsers cannot send ping frames, so
     * a protocol {@code ping} frame keeps a connection alive too. Per endpoint: {@link Heartbeat}.
     */
    public static final String HEARTBEAT_TIMEOUT = PREFIX + "heartbeat.timeout";

    /** Default of {@link #HEARTBEAT_TIMEOUT}. */
    public static final long DEFAULT_HEARTBEAT_TIMEOUT = 60;

    /**
     * {@code int} bytes (UTF-8), default {@value #DEFAULT_INBOUND_MAX_MESSAGE_BYTES} (64 KiB): a
     * protocol frame larger than this is discarded and answered with {@code message_too_large}; the
     * connection stays open. Frames beyond the container's own text buffer
     * ({@code Session#getMaxTextMessageBufferSize()}) are refused by the container with close code 1009
     * before Hauyna sees them.
     */
    public static final String INBOUND_MAX_MESSAGE_BYTES = PREFIX + "inbound.max-message-bytes";

    /** Default of {@link #INBOUND_MAX_MESSAGE_BYTES}. */
    public static final int DEFAULT_INBOUND_MAX_MESSAGE_BYTES = 64 * 1024;

    /**
     * {@code int}, default {@value #DEFAULT_RATE_LIMIT_PER_SECOND}: how many inbound frames per second
     * a connection may send on average (a token bucket). Frames over the limit are discarded and
     * answered with {@code rate_limited}. On by default, at a rate no person typing reaches; 0
     * switches it off.
     */
    public static final String RATE_LIMIT_PER_SECOND = PREFIX + "rate-limit.per-second";

    /** Default of {@link #RATE_LIMIT_PER_SECOND}. */
    public static final int DEFAULT_RATE_LIMIT_PER_SECOND = 20;

    /**
     * {@code int}, default {@value #DEFAULT_RATE_LIMIT_BURST}: how many frames a connection may send
     * at once before the per-second rate applies; also how many refused frames in a row close the
     * connection with {@link HauynaCloseCodes#RATE_LIMIT_EXCEEDED}.
     */
    public static final String RATE_LIMIT_BURST = PREFIX + "rate-limit.burst";

    /** Default of {@link #RATE_LIMIT_BURST}. */
    public static final int DEFAULT_RATE_LIMIT_BURST = 50;

    /**
     * {@code int}, default {@value #DEFAULT_LIMITS_CONNECTIONS_PER_IDENTIFIER}: how many connections
     * one identifier may have open at once (tabs, devices); one more is closed with
     * {@link HauynaCloseCodes#TOO_MANY_CONNECTIONS}. 0 means no limit.
     */
    public static final String LIMITS_CONNECTIONS_PER_IDENTIFIER = PREFIX + "limits.connections-per-identifier";

    /** Default of {@link #LIMITS_CONNECTIONS_PER_IDENTIFIER}. */
    public static final int DEFAULT_LIMITS_CONNECTIONS_PER_IDENTIFIER = 20;

    /**
     * {@code int}, default 0 (no limit): how many connections the application accepts in total; one
     * more is closed with {@link HauynaCloseCodes#TOO_MANY_CONNECTIONS}.
     */
    public static final String LIMITS_CONNECTIONS_TOTAL = PREFIX + "limits.connections-total";

    /**
     * {@code int}, default {@value #DEFAULT_INBOUND_MAX_DEPTH}: how deeply arrays and objects may nest
     * in a protocol frame, the frame's own object counting as 1. A deeper frame is discarded with
     * {@code invalid_message} before it is parsed, so the limit is the same whatever JSON
     * implementation the server brings (theirs are near 1,000). At most 500.
     *
     * @since 0.2
     */
    public static final String INBOUND_MAX_DEPTH = PREFIX + "inbound.max-depth";

    /** Default of {@link #INBOUND_MAX_DEPTH}. */
    public static final int DEFAULT_INBOUND_MAX_DEPTH = 32;

    /**
     * {@code int}, default {@value #DEFAULT_LIMITS_SUBSCRIPTIONS_PER_CONNECTION}: how many channels one
     * connection may join over the protocol; one more {@code subscribe_channel} is refused with
     * {@code limit_exceeded}. Server code ({@code Channels#subscribe}) is not limited by it. 0 means
     * no limit.
     *
     * @since 0.2
     */
    public static final String LIMITS_SUBSCRIPTIONS_PER_CONNECTION = PREFIX + "limits.subscriptions-per-connection";

    /** Default of {@link #LIMITS_SUBSCRIPTIONS_PER_CONNECTION}. */
    public static final int DEFAULT_LIMITS_SUBSCRIPTIONS_PER_CONNECTION = 128;

    /**
     * {@code int} bytes, default {@value #DEFAULT_LIMITS_SUBSCRIPTION_METADATA_BYTES}: the largest
     * {@code metadata} object (as JSON, UTF-8) a client may attach to one subscription; a larger one is
     * refused with {@code limit_exceeded}. 0 means no limit (the frame size still bounds it).
     *
     * @since 0.2
     */
    public static final String LIMITS_SUBSCRIPTION_METADATA_BYTES = PREFIX + "limits.subscription-metadata-bytes";

    /** Default of {@link #LIMITS_SUBSCRIPTION_METADATA_BYTES}. */
    public static final int DEFAULT_LIMITS_SUBSCRIPTION_METADATA_BYTES = 2048;

    /**
     * {@code int} bytes, default {@value #DEFAULT_LIMITS_PRESENCE_STATE_BYTES}: the largest presence
     * state (as JSON, UTF-8) one connection may hold after merging a {@code presence_update}; an update
     * that would exceed it is refused with {@code limit_exceeded} and changes nothing. Server code
     * ({@code Presence#track}) is not limited by it. 0 means no limit.
     *
     * @since 0.2
     */
    public static final String LIMITS_PRESENCE_STATE_BYTES = PREFIX + "limits.presence-state-bytes";

    /** Default of {@link #LIMITS_PRESENCE_STATE_BYTES}. */
    public static final int DEFAULT_LIMITS_PRESENCE_STATE_BYTES = 4096;

    /**
     * {@code int}, default 0 (no limit): how many channels (with at least one subscriber) the
     * application holds at once. A subscription that would create one more is refused: with
     * {@code limit_exceeded} over the protocol, with an {@code IllegalStateException} from
     * {@code Channels#subscribe}. Joining an existing channel is never refused by it. Set it when
     * clients choose channel names (e.g. from a path parameter).
     *
     * @since 0.2
     */
    public static final String LIMITS_CHANNELS = PREFIX + "limits.channels";

    /**
     * {@code int}, default 0 (no limit): how many groups (with at least one member) the application
     * holds at once; {@code Connections#addToGroup} that would create one more throws an
     * {@code IllegalStateException}. Adding to an existing group is never refused by it.
     *
     * @since 0.2
     */
    public static final String LIMITS_GROUPS = PREFIX + "limits.groups";

    /**
     * {@code int}, default {@value #DEFAULT_LIMITS_CONNECTIONS_PER_ADDRESS}: how many connections may
     * be open at once from one client IP address; one more is closed with
     * {@link HauynaCloseCodes#TOO_MANY_CONNECTIONS}. Behind a reverse proxy, list it in
     * {@link #LIMITS_TRUSTED_PROXIES}, or every client counts as the proxy's address. 0 means no
     * limit.
     *
     * @since 0.2
     */
    public static final String LIMITS_CONNECTIONS_PER_ADDRESS = PREFIX + "limits.connections-per-address";

    /** Default of {@link #LIMITS_CONNECTIONS_PER_ADDRESS}. */
    public static final int DEFAULT_LIMITS_CONNECTIONS_PER_ADDRESS = 200;

    /**
     * Comma-separated IP addresses or CIDR ranges (e.g. {@code 10.0.0.0/8,::1}), default none: the
     * reverse proxies whose {@code Forwarded} / {@code X-Forwarded-For} headers name the client. The
     * client address is the last address in those headers that is not a trusted proxy. From any other
     * peer the headers are ignored, so a client cannot pick its own address.
     *
     * @since 0.2
     */
    public static final String LIMITS_TRUSTED_PROXIES = PREFIX + "limits.trusted-proxies";

    /**
     * {@code X-Forwarded-For} (default) or {@code Forwarded}: the one header the
     * {@link #LIMITS_TRUSTED_PROXIES} set, and the only one read. A proxy that appends to one header
     * passes a client's own copy of the other through, so reading both would let a client choose its
     * address.
     *
     * @since 0.2
     */
    public static final String LIMITS_FORWARDED_HEADER = PREFIX + "limits.forwarded-header";

    /**
     * {@code String}, default the web application's context path without its leading slash
     * ({@code root} for the root context; {@code hauyna} outside a servlet container): the name
     * that keeps this application's cluster traffic apart from other applications on the same grid.
     * Give every node of one application the same name, and different applications different ones.
     *
     * @since 0.2
     */
    public static final String CLUSTER_NAME = PREFIX + "cluster.name";

    /**
     * {@code long} milliseconds, default {@value #DEFAULT_CLUSTER_HEARTBEAT_INTERVAL_MS}: how often
     * each node tells the others it is alive, over the backplane. Read only when a clustered
     * backplane (e.g. {@code hauyna-hazelcast}) is in the application.
     *
     * @since 0.2
     */
    public static final String CLUSTER_HEARTBEAT_INTERVAL_MS = PREFIX + "cluster.heartbeat-interval-ms";

    /** Default of {@link #CLUSTER_HEARTBEAT_INTERVAL_MS}. */
    public static final long DEFAULT_CLUSTER_HEARTBEAT_INTERVAL_MS = 500;

    /**
     * {@code long} milliseconds, default {@value #DEFAULT_CLUSTER_NODE_TIMEOUT_MS}: a node that
     * sent nothing for this long is down, and every survivor forgets what it held. Must exceed
     * {@link #CLUSTER_HEARTBEAT_INTERVAL_MS}; a long garbage-collection pause counts as silence.
     *
     * @since 0.2
     */
    public static final String CLUSTER_NODE_TIMEOUT_MS = PREFIX + "cluster.node-timeout-ms";

    /** Default of {@link #CLUSTER_NODE_TIMEOUT_MS}. */
    public static final long DEFAULT_CLUSTER_NODE_TIMEOUT_MS = 3000;

    /**
     * {@code long} milliseconds, default {@value #DEFAULT_SHUTDOWN_DRAIN_TIMEOUT_MS}, at most
     * {@value #MAX_SHUTDOWN_DRAIN_TIMEOUT_MS}: when the application stops (undeploy, server stop),
     * how long Hauyna lets the outbound queues be written before it closes every connection with
     * {@link #SHUTDOWN_CLOSE_CODE}. Meanwhile new upgrades get HTTP 503 with {@code Retry-After} and
     * the readiness check reports DOWN. The wait ends as soon as every queue is empty; 0 closes at once.
     *
     * @since 0.3
     */
    public static final String SHUTDOWN_DRAIN_TIMEOUT_MS = PREFIX + "shutdown.drain-timeout-ms";

    /** Default of {@link #SHUTDOWN_DRAIN_TIMEOUT_MS}. */
    public static final long DEFAULT_SHUTDOWN_DRAIN_TIMEOUT_MS = 5000;

    /** Largest {@link #SHUTDOWN_DRAIN_TIMEOUT_MS}: servers give an undeploying application about a minute at most. */
    public static final long MAX_SHUTDOWN_DRAIN_TIMEOUT_MS = 60_000;

    /**
     * {@code int}, {@code 1001} (default) or {@code 1012}: the close code of every connection when the
     * application stops. 1001 (going away) says this node is leaving; 1012 (service restart) says
     * it is being restarted, for a rolling restart. {@code hauyna.js} reconnects after either at a
     * random moment within {@code reconnect.shutdownSpreadMs}, so that the clients of a stopping node
     * do not all come back at once.
     *
     * @since 0.3
     */
    public static final String SHUTDOWN_CLOSE_CODE = PREFIX + "shutdown.close-code";

    /**
     * {@code boolean}, default {@code false}: serves the live console, a read-only page at
     * {@code /hauyna/console/} with this node's connections over time, channels, presence, the
     * longest queues and the recent closes and errors, refreshed every second over a WebSocket at
     * {@code /hauyna/console/live}. While off, both answer 404. While on, they answer 403 to anyone
     * but clients on this machine (a loopback address, not through a reverse proxy) and users in
     * {@link #CONSOLE_ROLE}.
     *
     * @since 0.3
     */
    public static final String CONSOLE_ENABLED = PREFIX + "console.enabled";

    /**
     * {@code String}, no default: a security role whose users may open the console from anywhere
     * ({@code HttpServletRequest#isUserInRole}); the application's security constraints decide who
     * is signed in. Without it, only clients on this machine may.
     *
     * @since 0.3
     */
    public static final String CONSOLE_ROLE = PREFIX + "console.role";

    /**
     * Comma-separated channel name prefixes, no default: channels whose names start with one of
     * them keep a history, so that a client that reconnects gets what it missed
     * ({@code subscribe_channel} with {@code since}; docs/PROTOCOL.md, "History and resume"). A lone
     * {@code *} means every channel. Each entry may add its own limits after the prefix:
     * {@code room: size=500 ttl=3600}; without them, {@link #HISTORY_SIZE} and
     * {@link #HISTORY_TTL_SECONDS} apply.
     *
     * @since 0.4
     */
    public static final String HISTORY_CHANNELS = PREFIX + "history.channels";

    /**
     * {@code int}, default {@value #DEFAULT_HISTORY_SIZE}: the messages a history channel keeps, at
     * most {@link #OUTBOUND_MAX_MESSAGES} (a replay goes through the client's outbound queue).
     *
     * @since 0.4
     */
    public static final String HISTORY_SIZE = PREFIX + "history.size";

    /** Default of {@link #HISTORY_SIZE}. */
    public static final int DEFAULT_HISTORY_SIZE = 100;

    /**
     * {@code long} seconds, default {@value #DEFAULT_HISTORY_TTL_SECONDS}: how long a history
     * channel keeps a message; also how long a channel's history outlives its last subscriber.
     *
     * @since 0.4
     */
    public static final String HISTORY_TTL_SECONDS = PREFIX + "history.ttl-seconds";

    /** Default of {@link #HISTORY_TTL_SECONDS}: 5 minutes. */
    public static final long DEFAULT_HISTORY_TTL_SECONDS = 300;

    /**
     * {@code long} bytes, default {@value #DEFAULT_HISTORY_MAX_BYTES} (64 MiB): what every history
     * channel of this node may keep together, counted as the UTF-8 size of the frames. A channel
     * that would go beyond it gives up its own oldest messages, then keeps none: resuming across
     * those answers {@code too_old}. Each channel also keeps at most
     * {@link #OUTBOUND_MAX_BYTES}, so that a replay fits a client's queue.
     *
     * @since 0.4
     */
    public static final String HISTORY_MAX_BYTES = PREFIX + "history.max-bytes";

    /** Default of {@link #HISTORY_MAX_BYTES}. */
    public static final long DEFAULT_HISTORY_MAX_BYTES = 64L * 1024 * 1024;

    private HauynaConfigKeys() {
    }
}
