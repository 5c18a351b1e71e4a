package io.hauyna.jakarta.internal.config;

import io.hauyna.jakarta.GroupPermission;
import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.OverflowPolicy;
import io.hauyna.jakarta.internal.channel.PrivateChannels;
import io.hauyna.jakarta.internal.connection.RateLimit;
import io.hauyna.jakarta.internal.connection.TyrusRawFrames;
import io.hauyna.jakarta.internal.handshake.ClientAddresses;
import io.hauyna.jakarta.internal.handshake.OriginPolicy;
import io.hauyna.jakarta.spi.SharedHistory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;

/** The effective configuration, read and validated once at start-up. */
@ApplicationScoped
public class HauynaSettings {

    /** The live console's feed (internal.console): the one route Hauyna deploys under /hauyna, only while the console is on. */
    public static final String CONSOLE_ROUTE = "/hauyna/console/live";
    private static final Logger LOG = Logger.getLogger(HauynaSettings.class.getName());
    /** Below every server's JSON parser limit (about 1,000) and far from any stack's depth. */
    static final int MAX_INBOUND_DEPTH = 500;

    private int outboundMaxMessages;
    private long outboundMaxBytes;
    private int containerBufferBytes;
    private boolean tyrusRawFrames;
    private boolean undertowEncodedText;
    private OverflowPolicy overflowPolicy;
    private Optional<String> identityQueryParameter;
    private boolean allowAnonymous;
    private List<String> handshakeHeaders;
    private boolean trackConnections;
    private Duration awayAfter;
    private List<String> presenceChannelPrefixes;
    private Duration presenceDiffInterval;
    private Duration heartbeatInterval;
    private Duration heartbeatTimeout;
    /** Shared by every connection of an endpoint without {@code @Heartbeat}. */
    private HeartbeatSettings heartbeat;
    private int inboundMaxMessageBytes;
    private int rateLimitPerSecond;
    private int rateLimitBurst;
    private int maxConnectionsPerIdentifier;
    private int maxConnectionsTotal;
    private int inboundMaxDepth;
    private int maxSubscriptionsPerConnection;
    private int maxSubscriptionMetadataBytes;
    private int maxPresenceStateBytes;
    private int maxChannels;
    private int maxGroups;
    private int maxConnectionsPerAddress;
    private Optional<String> clusterName;
    private Duration clusterHeartbeatInterval;
    private Duration clusterNodeTimeout;
    private Duration shutdownDrainTimeout;
    private int shutdownCloseCode;
    private boolean consoleEnabled;
    private HistoryPolicy historyPolicy;
    private long historyMaxBytes;
    private Optional<String> consoleRole;
    private ClientAddresses clientAddresses;
    private Optional<String> tokenQueryParameter;
    private OriginPolicy originPolicy;
    private List<String> privateChannelPatterns;
    private PrivateChannels privateChannels;
    private ConfigValues configValues;
    private final Map<String, Set<GroupPermission>> permissionsByRole = new ConcurrentHashMap<>();
    private String source;

    @PostConstruct
    void read() {
        ConfigValues values = new ConfigValues();
        source = values.source();
        outboundMaxMessages = value(values, HauynaConfigKeys.OUTBOUND_MAX_MESSAGES, Integer::valueOf,
                HauynaConfigKeys.DEFAULT_OUTBOUND_MAX_MESSAGES, "a whole number of at least 1");
        outboundMaxBytes = value(values, HauynaConfigKeys.OUTBOUND_MAX_BYTES, Long::valueOf,
                HauynaConfigKeys.DEFAULT_OUTBOUND_MAX_BYTES, "a whole number of bytes of at least 1");
        containerBufferBytes = value(values, HauynaConfigKeys.OUTBOUND_CONTAINER_BUFFER_BYTES, Integer::valueOf,
                HauynaConfigKeys.DEFAULT_OUTBOUND_CONTAINER_BUFFER_BYTES, "a whole number of bytes, 0 to keep the container's own limit");
        if (containerBufferBytes < 0) {
            throw new IllegalArgumentException(HauynaConfigKeys.OUTBOUND_CONTAINER_BUFFER_BYTES + " is " + containerBufferBytes
                    + ": use 0 (the container's own limit) or more");
        }
        tyrusRawFrames = values.get(HauynaConfigKeys.OUTBOUND_TYRUS_RAW_FRAMES)
                .map(v -> parseBoolean(HauynaConfigKeys.OUTBOUND_TYRUS_RAW_FRAMES, v)).orElse(true);
        undertowEncodedText = values.get(HauynaConfigKeys.OUTBOUND_UNDERTOW_ENCODED_TEXT)
                .map(v -> parseBoolean(HauynaConfigKeys.OUTBOUND_UNDERTOW_ENCODED_TEXT, v)).orElse(true);
        requireAtLeastOne(HauynaConfigKeys.OUTBOUND_MAX_MESSAGES, outboundMaxMessages);
        requireAtLeastOne(HauynaConfigKeys.OUTBOUND_MAX_BYTES, outboundMaxBytes);
        overflowPolicy = values.get(HauynaConfigKeys.OUTBOUND_OVERFLOW).map(OverflowPolicy::fromConfigValue)
                .orElse(OverflowPolicy.CLOSE);
        identityQueryParameter = values.get(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER);
        allowAnonymous = values.get(HauynaConfigKeys.IDENTITY_ALLOW_ANONYMOUS).map(v -> parseBoolean(HauynaConfigKeys.IDENTITY_ALLOW_ANONYMOUS, v))
                .orElse(true);
        handshakeHeaders = Arrays.stream(values.get(HauynaConfigKeys.HANDSHAKE_HEADERS)
                        .orElse(HauynaConfigKeys.DEFAULT_HANDSHAKE_HEADERS).split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).toList();
        trackConnections = values.get(HauynaConfigKeys.PRESENCE_TRACK_CONNECTIONS)
                .map(v -> parseBoolean(HauynaConfigKeys.PRESENCE_TRACK_CONNECTIONS, v)).orElse(true);
        long awaySeconds = value(values, HauynaConfigKeys.PRESENCE_AWAY_AFTER, Long::valueOf,
                HauynaConfigKeys.DEFAULT_PRESENCE_AWAY_AFTER, "a whole number of seconds of at least 1");
        requireAtLeastOne(HauynaConfigKeys.PRESENCE_AWAY_AFTER, awaySeconds);
        awayAfter = Duration.ofSeconds(awaySeconds);
        presenceChannelPrefixes = values.get(HauynaConfigKeys.PRESENCE_CHANNELS).stream()
                .flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(p -> !p.isEmpty()).toList();
        long diffMillis = value(values, HauynaConfigKeys.PRESENCE_DIFF_INTERVAL_MS, Long::valueOf,
                HauynaConfigKeys.DEFAULT_PRESENCE_DIFF_INTERVAL_MS, "a whole number of milliseconds of at least 1");
        requireAtLeastOne(HauynaConfigKeys.PRESENCE_DIFF_INTERVAL_MS, diffMillis);
        presenceDiffInterval = Duration.ofMillis(diffMillis);
        heartbeatInterval = Duration.ofSeconds(nonNegative(HauynaConfigKeys.HEARTBEAT_INTERVAL, value(values,
                HauynaConfigKeys.HEARTBEAT_INTERVAL, Long::valueOf, HauynaConfigKeys.DEFAULT_HEARTBEAT_INTERVAL, "a whole number of seconds")));
        heartbeatTimeout = Duration.ofSeconds(nonNegative(HauynaConfigKeys.HEARTBEAT_TIMEOUT, value(values,
                HauynaConfigKeys.HEARTBEAT_TIMEOUT, Long::valueOf, HauynaConfigKeys.DEFAULT_HEARTBEAT_TIMEOUT, "a whole number of seconds")));
        heartbeat = new HeartbeatSettings(heartbeatInterval, heartbeatTimeout);
        readInbound(values);
        readLimits(values);
        readSecurity(values);
        readCluster(values);
        readShutdown(values);
        readHistory(values);
        consoleEnabled = values.get(HauynaConfigKeys.CONSOLE_ENABLED).map(v -> parseBoolean(HauynaConfigKeys.CONSOLE_ENABLED, v)).orElse(false);
        consoleRole = values.get(HauynaConfigKeys.CONSOLE_ROLE).map(String::trim).filter(role -> !role.isEmpty());
    }

    private void readHistory(ConfigValues values) {
        int size = value(values, HauynaConfigKeys.HISTORY_SIZE, Integer::valueOf, HauynaConfigKeys.DEFAULT_HISTORY_SIZE,
                "a whole number of messages of at least 1");
        requireAtLeastOne(HauynaConfigKeys.HISTORY_SIZE, size);
        long ttl = value(values, HauynaConfigKeys.HISTORY_TTL_SECONDS, Long::valueOf, HauynaConfigKeys.DEFAULT_HISTORY_TTL_SECONDS,
                "a whole number of seconds of at least 1");
        requireAtLeastOne(HauynaConfigKeys.HISTORY_TTL_SECONDS, ttl);
        historyMaxBytes = value(values, HauynaConfigKeys.HISTORY_MAX_BYTES, Long::valueOf, HauynaConfigKeys.DEFAULT_HISTORY_MAX_BYTES,
                "a whole number of bytes of at least 1");
        requireAtLeastOne(HauynaConfigKeys.HISTORY_MAX_BYTES, historyMaxBytes);
        try {
            historyPolicy = values.get(HauynaConfigKeys.HISTORY_CHANNELS)
                    .map(v -> HistoryPolicy.parse(v, new SharedHistory.Retention(size, Duration.ofSeconds(ttl)), outboundMaxMessages))
                    .orElse(HistoryPolicy.none());
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException(HauynaConfigKeys.HISTORY_CHANNELS + ": " + malformed.getMessage(), malformed);
        }
    }

    /** @return {@link HauynaConfigKeys#HISTORY_MAX_BYTES} */
    public long historyMaxBytes() {
        return historyMaxBytes;
    }

    /** @return {@link HauynaConfigKeys#HISTORY_CHANNELS} with its limits */
    public HistoryPolicy historyPolicy() {
        return historyPolicy;
    }

    /** @return {@link HauynaConfigKeys#CONSOLE_ENABLED} */
    public boolean consoleEnabled() {
        return consoleEnabled;
    }

    /** @return {@link HauynaConfigKeys#CONSOLE_ROLE}; empty when only local clients may open the console */
    public Optional<String> consoleRole() {
        return consoleRole;
    }

    private void readLimits(ConfigValues values) {
        inboundMaxDepth = value(values, HauynaConfigKeys.INBOUND_MAX_DEPTH, Integer::valueOf,
                HauynaConfigKeys.DEFAULT_INBOUND_MAX_DEPTH, "a whole number of levels of at least 1");
        requireAtLeastOne(HauynaConfigKeys.INBOUND_MAX_DEPTH, inboundMaxDepth);
        if (inboundMaxDepth > MAX_INBOUND_DEPTH) {
            // Deeper than this, converting a frame to maps (recursive) could overflow the stack.
            throw new IllegalArgumentException(HauynaConfigKeys.INBOUND_MAX_DEPTH + " is " + inboundMaxDepth + ": use 1 to " + MAX_INBOUND_DEPTH);
        }
        maxSubscriptionsPerConnection = limit(values, HauynaConfigKeys.LIMITS_SUBSCRIPTIONS_PER_CONNECTION,
                HauynaConfigKeys.DEFAULT_LIMITS_SUBSCRIPTIONS_PER_CONNECTION);
        maxSubscriptionMetadataBytes = limit(values, HauynaConfigKeys.LIMITS_SUBSCRIPTION_METADATA_BYTES,
                HauynaConfigKeys.DEFAULT_LIMITS_SUBSCRIPTION_METADATA_BYTES);
        maxPresenceStateBytes = limit(values, HauynaConfigKeys.LIMITS_PRESENCE_STATE_BYTES,
                HauynaConfigKeys.DEFAULT_LIMITS_PRESENCE_STATE_BYTES);
        maxChannels = limit(values, HauynaConfigKeys.LIMITS_CHANNELS, 0);
        maxGroups = limit(values, HauynaConfigKeys.LIMITS_GROUPS, 0);
        maxConnectionsPerAddress = limit(values, HauynaConfigKeys.LIMITS_CONNECTIONS_PER_ADDRESS,
                HauynaConfigKeys.DEFAULT_LIMITS_CONNECTIONS_PER_ADDRESS);
        ClientAddresses.Header header;
        try {
            header = values.get(HauynaConfigKeys.LIMITS_FORWARDED_HEADER).map(ClientAddresses.Header::fromConfigValue)
                    .orElse(ClientAddresses.Header.X_FORWARDED_FOR);
        } catch (IllegalArgumentException badHeader) {
            throw new IllegalArgumentException(HauynaConfigKeys.LIMITS_FORWARDED_HEADER + ": " + badHeader.getMessage(), badHeader);
        }
        try {
            clientAddresses = ClientAddresses.trusting(list(values, HauynaConfigKeys.LIMITS_TRUSTED_PROXIES), header);
        } catch (IllegalArgumentException badEntry) {
            throw new IllegalArgumentException(HauynaConfigKeys.LIMITS_TRUSTED_PROXIES + ": " + badEntry.getMessage(), badEntry);
        }
    }

    private static int limit(ConfigValues values, String key, int fallback) {
        return (int) nonNegative(key, value(values, key, Integer::valueOf, fallback, "a whole number (0 is no limit)"));
    }

    /** @return the nesting a protocol frame may have, the frame's object being level 1 */
    public int inboundMaxDepth() {
        return inboundMaxDepth;
    }

    /** @return at most this many channels per connection over the protocol; 0 for no limit */
    public int maxSubscriptionsPerConnection() {
        return maxSubscriptionsPerConnection;
    }

    /** @return the largest subscription metadata a client may attach, in bytes; 0 for no limit */
    public int maxSubscriptionMetadataBytes() {
        return maxSubscriptionMetadataBytes;
    }

    /** @return the largest presence state a client may hold per connection, in bytes; 0 for no limit */
    public int maxPresenceStateBytes() {
        return maxPresenceStateBytes;
    }

    /** @return at most this many channels in the application; 0 for no limit */
    public int maxChannels() {
        return maxChannels;
    }

    /** @return at most this many groups in the application; 0 for no limit */
    public int maxGroups() {
        return maxGroups;
    }

    /** @return at most this many connections per client address; 0 for no limit */
    public int maxConnectionsPerAddress() {
        return maxConnectionsPerAddress;
    }

    /** @return how the client's address is found behind the trusted proxies */
    public ClientAddresses clientAddresses() {
        return clientAddresses;
    }

    private void readSecurity(ConfigValues values) {
        configValues = values;
        tokenQueryParameter = Optional.of(values.get(HauynaConfigKeys.IDENTITY_TOKEN_QUERY_PARAMETER)
                .orElse(HauynaConfigKeys.DEFAULT_IDENTITY_TOKEN_QUERY_PARAMETER));
        originPolicy = new OriginPolicy(list(values, HauynaConfigKeys.ORIGINS_ALLOWED), values.get(HauynaConfigKeys.ORIGINS_REQUIRE)
                .map(v -> parseBoolean(HauynaConfigKeys.ORIGINS_REQUIRE, v)).orElse(false));
        privateChannelPatterns = list(values, HauynaConfigKeys.CHANNELS_PRIVATE);
        privateChannels = PrivateChannels.of(privateChannelPatterns);
        // Every configured role now, so that a misspelt permission fails the deployment, not a frame.
        permissionsOf("admin");
        permissionsOf("member");
        values.namesStartingWith(HauynaConfigKeys.GROUPS_PERMISSIONS_PREFIX)
                .forEach(key -> permissionsOf(key.substring(HauynaConfigKeys.GROUPS_PERMISSIONS_PREFIX.length())));
    }

    private static List<String> list(ConfigValues values, String key) {
        return values.get(key).stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    public Optional<String> tokenQueryParameter() {
        return tokenQueryParameter;
    }

    public OriginPolicy originPolicy() {
        return originPolicy;
    }

    /** @return the {@link HauynaConfigKeys#CHANNELS_PRIVATE} rules */
    public PrivateChannels privateChannels() {
        return privateChannels;
    }

    /**
     * @param role a group role
     * @return what the role may do: {@code hauyna.groups.permissions.<role>}, else the documented default
     * @throws IllegalArgumentException when the configured value names an unknown permission
     */
    public Set<GroupPermission> permissionsOf(String role) {
        return permissionsByRole.computeIfAbsent(role, this::readPermissions);
    }

    private Set<GroupPermission> readPermissions(String role) {
        String key = HauynaConfigKeys.GROUPS_PERMISSIONS_PREFIX + role;
        Optional<String> configured = configValues.get(key);
        if (configured.isEmpty()) {
            return switch (role) {
                case "admin" -> Set.of(GroupPermission.GROUP_MESSAGE, GroupPermission.GROUP_KICK);
                case "member" -> Set.of(GroupPermission.GROUP_MESSAGE);
                default -> Set.of();
            };
        }
        if (configured.get().equalsIgnoreCase("none")) {
            return Set.of();
        }
        try {
            return Arrays.stream(configured.get().split(",")).map(String::trim).filter(v -> !v.isEmpty())
                    .map(GroupPermission::fromWireName).collect(java.util.stream.Collectors.toUnmodifiableSet());
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(key + ": " + unknown.getMessage(), unknown);
        }
    }

    private void readShutdown(ConfigValues values) {
        long drainMillis = value(values, HauynaConfigKeys.SHUTDOWN_DRAIN_TIMEOUT_MS, Long::valueOf,
                HauynaConfigKeys.DEFAULT_SHUTDOWN_DRAIN_TIMEOUT_MS, "a whole number of milliseconds");
        if (drainMillis < 0 || drainMillis > HauynaConfigKeys.MAX_SHUTDOWN_DRAIN_TIMEOUT_MS) {
            throw new IllegalArgumentException(HauynaConfigKeys.SHUTDOWN_DRAIN_TIMEOUT_MS + " is " + drainMillis + ": use 0 to "
                    + HauynaConfigKeys.MAX_SHUTDOWN_DRAIN_TIMEOUT_MS);
        }
        shutdownDrainTimeout = Duration.ofMillis(drainMillis);
        shutdownCloseCode = value(values, HauynaConfigKeys.SHUTDOWN_CLOSE_CODE, Integer::valueOf, 1001, "1001 or 1012");
        if (shutdownCloseCode != 1001 && shutdownCloseCode != 1012) {
            throw new IllegalArgumentException(HauynaConfigKeys.SHUTDOWN_CLOSE_CODE + " is " + shutdownCloseCode
                    + ": use 1001 (going away) or 1012 (service restart)");
        }
    }

    /** @return {@link HauynaConfigKeys#SHUTDOWN_DRAIN_TIMEOUT_MS} */
    public Duration shutdownDrainTimeout() {
        return shutdownDrainTimeout;
    }

    /** @return {@link HauynaConfigKeys#SHUTDOWN_CLOSE_CODE}: 1001 or 1012 */
    public int shutdownCloseCode() {
        return shutdownCloseCode;
    }

    private void readCluster(ConfigValues values) {
        clusterName = values.get(HauynaConfigKeys.CLUSTER_NAME);
        long heartbeat = value(values, HauynaConfigKeys.CLUSTER_HEARTBEAT_INTERVAL_MS, Long::valueOf,
                HauynaConfigKeys.DEFAULT_CLUSTER_HEARTBEAT_INTERVAL_MS, "a whole number of milliseconds of at least 1");
        requireAtLeastOne(HauynaConfigKeys.CLUSTER_HEARTBEAT_INTERVAL_MS, heartbeat);
        long timeout = value(values, HauynaConfigKeys.CLUSTER_NODE_TIMEOUT_MS, Long::valueOf,
                HauynaConfigKeys.DEFAULT_CLUSTER_NODE_TIMEOUT_MS, "a whole number of milliseconds");
        if (timeout <= heartbeat) {
            throw new IllegalArgumentException(HauynaConfigKeys.CLUSTER_NODE_TIMEOUT_MS + " is " + timeout + ": use more than "
                    + HauynaConfigKeys.CLUSTER_HEARTBEAT_INTERVAL_MS + " (" + heartbeat + "), e.g. " + 6 * heartbeat);
        }
        clusterHeartbeatInterval = Duration.ofMillis(heartbeat);
        clusterNodeTimeout = Duration.ofMillis(timeout);
    }

    /** @return {@link HauynaConfigKeys#CLUSTER_NAME}, when set */
    public Optional<String> clusterName() {
        return clusterName;
    }

    public Duration clusterHeartbeatInterval() {
        return clusterHeartbeatInterval;
    }

    public Duration clusterNodeTimeout() {
        return clusterNodeTimeout;
    }

    /** @return any configuration value, read from the same source as Hauyna's own keys (for a backplane's keys) */
    public Optional<String> configValue(String key) {
        return configValues.get(key);
    }

    private void readInbound(ConfigValues values) {
        inboundMaxMessageBytes = value(values, HauynaConfigKeys.INBOUND_MAX_MESSAGE_BYTES, Integer::valueOf,
                HauynaConfigKeys.DEFAULT_INBOUND_MAX_MESSAGE_BYTES, "a whole number of bytes of at least 1");
        requireAtLeastOne(HauynaConfigKeys.INBOUND_MAX_MESSAGE_BYTES, inboundMaxMessageBytes);
        rateLimitPerSecond = (int) nonNegative(HauynaConfigKeys.RATE_LIMIT_PER_SECOND, value(values, HauynaConfigKeys.RATE_LIMIT_PER_SECOND,
                Integer::valueOf, HauynaConfigKeys.DEFAULT_RATE_LIMIT_PER_SECOND, "a whole number of frames per second (0 is off)"));
        rateLimitBurst = value(values, HauynaConfigKeys.RATE_LIMIT_BURST, Integer::valueOf,
                HauynaConfigKeys.DEFAULT_RATE_LIMIT_BURST, "a whole number of frames of at least 1");
        requireAtLeastOne(HauynaConfigKeys.RATE_LIMIT_BURST, rateLimitBurst);
        maxConnectionsPerIdentifier = (int) nonNegative(HauynaConfigKeys.LIMITS_CONNECTIONS_PER_IDENTIFIER, value(values,
                HauynaConfigKeys.LIMITS_CONNECTIONS_PER_IDENTIFIER, Integer::valueOf,
                HauynaConfigKeys.DEFAULT_LIMITS_CONNECTIONS_PER_IDENTIFIER, "a whole number (0 is no limit)"));
        maxConnectionsTotal = (int) nonNegative(HauynaConfigKeys.LIMITS_CONNECTIONS_TOTAL, value(values,
                HauynaConfigKeys.LIMITS_CONNECTIONS_TOTAL, Integer::valueOf, 0, "a whole number (0 is no limit)"));
    }

    public int maxConnectionsPerIdentifier() {
        return maxConnectionsPerIdentifier;
    }

    public int maxConnectionsTotal() {
        return maxConnectionsTotal;
    }

    /** @return the limit in words, for error messages */
    public String rateLimitDescription() {
        return rateLimitPerSecond + " per second (bursts of " + rateLimitBurst + ")";
    }

    /** @return a new bucket for one connection, or {@code null} when rate limiting is off */
    public RateLimit newRateLimit() {
        return rateLimitPerSecond == 0 ? null : new RateLimit(rateLimitPerSecond, rateLimitBurst);
    }

    public int inboundMaxMessageBytes() {
        return inboundMaxMessageBytes;
    }

    private static long nonNegative(String key, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(key + " is " + value + ": use 0 (off) or more");
        }
        return value;
    }

    /** Reads the configuration when the application starts, so a bad value fails the deployment, and says what is in force. */
    void logAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        LOG.info(() -> "Hauyna configuration (from " + source + "): outbound queue " + outboundMaxMessages + " messages / "
                + outboundMaxBytes + " bytes per connection, overflow " + overflowPolicy.configValue()
                + ", written with " + TyrusRawFrames.describe(tyrusRawFrames)
                + (undertowEncodedText ? "" : " (Undertow's per-recipient encoding kept: " + HauynaConfigKeys.OUTBOUND_UNDERTOW_ENCODED_TEXT + "=false)")
                + ", anonymous connections " + (allowAnonymous ? "allowed" : "refused")
                + "; presence: away after " + awayAfter.toSeconds() + " s, on channels " + (presenceChannelPrefixes.isEmpty() ? "none"
                : presenceChannelPrefixes.stream().map(p -> p + "*").toList()) + ", diffs every " + presenceDiffInterval.toMillis() + " ms"
                + "; heartbeat: ping every " + heartbeatInterval.toSeconds() + " s, timeout " + heartbeatTimeout.toSeconds() + " s"
                + "; inbound: " + (rateLimitPerSecond == 0 ? "no rate limit" : rateLimitPerSecond + " frames/s, burst " + rateLimitBurst)
                + ", max " + inboundMaxMessageBytes + " bytes and " + inboundMaxDepth + " levels per frame"
                + "; limits: " + describeLimits()
                + "; origins: " + originPolicy.describe()
                + "; private channels: " + (privateChannelPatterns.isEmpty() ? "none" : privateChannelPatterns)
                + "; history: " + historyPolicy.describe()
                + "; console: " + (!consoleEnabled ? "off" : "on at /hauyna/console/, for clients on this machine"
                + consoleRole.map(role -> " and users in role '" + role + "'").orElse("")));
        identityQueryParameter.ifPresent(name -> LOG.warning(() -> "Hauyna: " + HauynaConfigKeys.IDENTITY_QUERY_PARAMETER + "=" + name
                + " lets any client choose its identifier with ?" + name + "=...; this is for development only, never for production"));
    }

    private String describeLimits() {
        return describe(maxSubscriptionsPerConnection, " subscriptions per connection")
                + ", " + describe(maxSubscriptionMetadataBytes, " bytes of metadata per subscription")
                + ", " + describe(maxPresenceStateBytes, " bytes of presence state per connection")
                + ", " + describe(maxChannels, " channels") + ", " + describe(maxGroups, " groups")
                + ", " + describe(maxConnectionsPerIdentifier, " connections per identifier")
                + ", " + describe(maxConnectionsPerAddress, " connections per address")
                + ", " + describe(maxConnectionsTotal, " connections in all")
                + ", trusted proxies " + clientAddresses.describe();
    }

    private static String describe(int limit, String what) {
        return (limit == 0 ? "unlimited" : String.valueOf(limit)) + what;
    }

    public int outboundMaxMessages() {
        return outboundMaxMessages;
    }

    public long outboundMaxBytes() {
        return outboundMaxBytes;
    }

    /** @return bytes Grizzly may buffer per WebSocket connection; 0 for its own limit */
    public int containerBufferBytes() {
        return containerBufferBytes;
    }

    public boolean tyrusRawFrames() {
        return tyrusRawFrames;
    }

    public boolean undertowEncodedText() {
        return undertowEncodedText;
    }

    public OverflowPolicy overflowPolicy() {
        return overflowPolicy;
    }

    public Optional<String> identityQueryParameter() {
        return identityQueryParameter;
    }

    public boolean allowAnonymous() {
        return allowAnonymous;
    }

    public List<String> handshakeHeaders() {
        return handshakeHeaders;
    }

    public boolean trackConnections() {
        return trackConnections;
    }

    public Duration awayAfter() {
        return awayAfter;
    }

    public List<String> presenceChannelPrefixes() {
        return presenceChannelPrefixes;
    }

    public Duration presenceDiffInterval() {
        return presenceDiffInterval;
    }

    HeartbeatSettings heartbeat() {
        return heartbeat;
    }

    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    public Duration heartbeatTimeout() {
        return heartbeatTimeout;
    }

    private static <T> T value(ConfigValues values, String key, Function<String, T> parse, T fallback, String expected) {
        Optional<String> raw = values.get(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return parse.apply(raw.get());
        } catch (IllegalArgumentException notANumber) {
            throw new IllegalArgumentException(key + " is '" + raw.get() + "': use " + expected, notANumber);
        }
    }

    private static void requireAtLeastOne(String key, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " is " + value + ": use a value of at least 1");
        }
    }

    private static boolean parseBoolean(String key, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(key + " is '" + value + "': use true or false");
    }
}
