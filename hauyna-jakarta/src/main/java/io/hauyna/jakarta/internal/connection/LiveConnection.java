package io.hauyna.jakarta.internal.connection;

import io.hauyna.jakarta.Connection;
import io.hauyna.jakarta.Handshake;
import io.hauyna.jakarta.internal.HauynaScheduler;
import io.hauyna.jakarta.internal.config.HauynaSettings;
import io.hauyna.jakarta.internal.config.HeartbeatSettings;
import io.hauyna.jakarta.internal.metrics.HauynaMetrics;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Function;

/** A registered socket and its outbound queue. */
public final class LiveConnection implements Connection {

    private final String id;
    private final String identifier;
    private final boolean anonymous;
    private final Session session;
    private final Handshake handshake;
    private final Function<String, Set<String>> groupsOfIdentifier;
    private final SessionCloser closer;
    /** Created by the first {@link #putMetadata}: most connections never have any. */
    private volatile Map<String, Object> metadata = Map.of();
    private final Instant openedAt = Instant.now();
    private volatile Instant lastActivity = openedAt;
    private volatile boolean unregistered;
    // Field updaters, not atomic objects: every idle connection would carry two more objects (32 bytes).
    private static final AtomicIntegerFieldUpdater<LiveConnection> CLOSING =
            AtomicIntegerFieldUpdater.newUpdater(LiveConnection.class, "closing");
    private static final AtomicIntegerFieldUpdater<LiveConnection> LIMITS =
            AtomicIntegerFieldUpdater.newUpdater(LiveConnection.class, "limits");
    /** 1 once {@link #closeAfterQueued} has run. */
    private volatile int closing;
    /** Its places under the connection limits: 0 none yet, 1 taken, 2 given back (or never to be taken). */
    private volatile int limits;
    private volatile boolean speaksProtocol;
    /** The reason Hauyna closed it with, for the statistics when {@code @OnClose} does not take the reason. */
    private volatile CloseReason closedWith;
    private volatile long lastSeenNanos = System.nanoTime();
    private volatile Instant lastSeen = openedAt;
    private volatile long lastPingNanos = System.nanoTime();
    private final HeartbeatSettings heartbeat;
    private final Instant credentialsExpireAt;
    private final String clientAddress;
    private final RateLimit rateLimit;
    private final OutboundQueue queue;
    private final MessageEncoder encoder;

    LiveConnection(String id, String identifier, boolean anonymous, Session session, Handshake handshake,
                   Function<String, Set<String>> groupsOfIdentifier, HauynaSettings settings,
                   MessageEncoder encoder, SessionCloser closer, HeartbeatSettings heartbeat, Instant credentialsExpireAt,
                   String clientAddress, HauynaMetrics metrics) {
        this.clientAddress = clientAddress;
        this.heartbeat = heartbeat;
        this.credentialsExpireAt = credentialsExpireAt;
        this.rateLimit = settings.newRateLimit();
        this.id = id;
        this.identifier = identifier;
        this.anonymous = anonymous;
        this.session = session;
        this.handshake = handshake;
        this.groupsOfIdentifier = groupsOfIdentifier;
        this.encoder = encoder;
        this.closer = closer;
        this.queue = new OutboundQueue(session.getId(), MessageWriter.forSession(session, settings),
                settings.outboundMaxMessages(), settings.outboundMaxBytes(),
                settings.overflowPolicy(), () -> close(SessionCloser.SLOW_CONSUMER), metrics);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String identifier() {
        return identifier;
    }

    @Override
    public boolean anonymous() {
        return anonymous;
    }

    @Override
    public String route() {
        return handshake.route();
    }

    @Override
    public Optional<Instant> credentialsExpireAt() {
        return Optional.ofNullable(credentialsExpireAt);
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Map<String, String> pathParameters() {
        return handshake.pathParameters();
    }

    @Override
    public Map<String, List<String>> queryParameters() {
        return handshake.queryParameters();
    }

    @Override
    public Map<String, List<String>> headers() {
        return handshake.headers();
    }

    @Override
    public Optional<Principal> principal() {
        return handshake.principal();
    }

    @Override
    public Set<String> groups() {
        return groupsOfIdentifier.apply(identifier);
    }

    @Override
    public Map<String, Object> metadata() {
        return Map.copyOf(metadata);
    }

    private Map<String, Object> writableMetadata() {
        Map<String, Object> current = metadata;
        if (current instanceof ConcurrentHashMap) {
            return current;
        }
        synchronized (this) {
            if (!(metadata instanceof ConcurrentHashMap)) {
                metadata = new ConcurrentHashMap<>();
            }
            return metadata;
        }
    }

    @Override
    public void putMetadata(String key, Object value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value: use removeMetadata to remove a key");
        writableMetadata().put(key, value);
    }

    @Override
    public Optional<Object> removeMetadata(String key) {
        Objects.requireNonNull(key, "key");
        Map<String, Object> current = metadata;
        return current instanceof ConcurrentHashMap ? Optional.ofNullable(current.remove(key)) : Optional.empty();
    }

    @Override
    public Instant openedAt() {
        return openedAt;
    }

    @Override
    public Instant lastActivity() {
        return lastActivity;
    }

    /** The user did something (a message, not a ping). */
    void touch() {
        lastActivity = Instant.now();
    }

    /** Anything arrived from the client: a frame or a pong. Keeps the connection alive. */
    public void seen() {
        lastSeenNanos = System.nanoTime();
        lastSeen = Instant.now();
    }

    long nanosSinceSeen(long now) {
        return now - lastSeenNanos;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    long nanosSincePing(long now) {
        return now - lastPingNanos;
    }

    void pinged(long now) {
        lastPingNanos = now;
    }

    /** @return what this inbound frame gets under the connection's rate limit */
    RateLimit.Verdict admit() {
        return rateLimit == null ? RateLimit.Verdict.ACCEPT : rateLimit.admit();
    }

    /** @return the client's address (behind trusted proxies), or {@code null} when the container did not tell */
    String clientAddress() {
        return clientAddress;
    }

    HeartbeatSettings heartbeat() {
        return heartbeat;
    }

    /** Once a connection's frames go through HauynaProtocol, only non-ping frames count as user activity. */
    public void speaksProtocol() {
        speaksProtocol = true;
    }

    boolean isSpeakingProtocol() {
        return speaksProtocol;
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public int queuedMessages() {
        return queue.size();
    }

    /** @return how this connection's messages reach its socket (the portable path or a server's own) */
    MessageWriter writer() {
        return queue.writer();
    }

    @Override
    public long queuedBytes() {
        return queue.bytes();
    }

    @Override
    public long droppedMessages() {
        return queue.dropped();
    }

    @Override
    public boolean send(Object message) {
        return offer(encoder.encode(message));
    }

    public boolean offer(EncodedMessage message) {
        return queue.offer(message);
    }

    /** @return {@code true} if its places under the connection limits now count; {@code false} if it was unregistered first */
    boolean limitsTaken() {
        return LIMITS.compareAndSet(this, 0, 1);
    }

    /** @return {@code true} exactly once, if the places were taken: the caller gives them back */
    boolean releaseLimits() {
        return LIMITS.getAndSet(this, 2) == 1;
    }

    /** Called once, when the connection is unregistered: later sends are refused and later subscriptions undone. */
    void markUnregistered() {
        unregistered = true;
        queue.close();
    }

    public boolean unregistered() {
        return unregistered;
    }

    @Override
    public void close(CloseReason reason) {
        closedWith = reason;
        closer.close(session, reason);
    }

    /** Closes on the calling thread, not in the background: for the application's stop, when no background task may run any more. */
    void closeNow(CloseReason reason) {
        closedWith = reason;
        SessionCloser.closeNow(session, reason);
    }

    /** @return whether every frame queued for this connection so far has been written */
    boolean drained() {
        return queue.isDrained();
    }

    /**
     * Closes once the frames already queued (e.g. the errors that explain the close) are written,
     * and at the latest after {@code grace}. Repeated calls are ignored.
     */
    void closeAfterQueued(CloseReason reason, HauynaScheduler scheduler, Duration grace) {
        if (CLOSING.compareAndSet(this, 0, 1)) {
            closedWith = reason;
            queue.afterDrain(() -> closer.close(session, reason));
            scheduler.schedule(() -> closer.close(session, reason), grace);
        }
    }

    /** @return the reason Hauyna closed this connection with, or {@code null} if it did not */
    CloseReason closedWith() {
        return closedWith;
    }

    @Override
    public String toString() {
        return "Connection[" + id + ", " + identifier + ", " + session.getRequestURI().getPath() + "]";
    }
}
