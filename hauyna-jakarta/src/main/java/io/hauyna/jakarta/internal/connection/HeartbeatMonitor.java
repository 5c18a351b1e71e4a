package io.hauyna.jakarta.internal.connection;

import io.hauyna.jakarta.HauynaCloseCodes;
import io.hauyna.jakarta.HeartbeatTimedOut;
import io.hauyna.jakarta.internal.HauynaScheduler;
import io.hauyna.jakarta.internal.config.HauynaSettings;
import io.hauyna.jakarta.internal.config.HeartbeatSettings;
import io.hauyna.jakarta.internal.event.SystemEvents;
import io.hauyna.jakarta.internal.metrics.HauynaMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One periodic sweep over all connections (no task per connection): pings those due a ping and
 * closes those not heard from within their timeout. Pongs and every inbound frame count as "heard".
 */
@ApplicationScoped
public class HeartbeatMonitor implements ConnectionListener {

    private static final Logger LOG = Logger.getLogger(HeartbeatMonitor.class.getName());
    private static final CloseReason TIMED_OUT = new CloseReason(HauynaCloseCodes.HEARTBEAT_TIMEOUT, "Heartbeat timeout");
    private static final CloseReason CREDENTIALS_EXPIRED =
            new CloseReason(HauynaCloseCodes.CREDENTIALS_EXPIRED, "Credentials expired: reconnect with fresh ones");
    private static final ByteBuffer NO_DATA = ByteBuffer.allocate(0);

    private final AtomicBoolean sweeping = new AtomicBoolean();

    @Inject
    HauynaSettings settings;

    @Inject
    ConnectionRegistry connections;

    @Inject
    SessionCloser closer;

    @Inject
    HauynaMetrics metrics;

    @Inject
    HauynaScheduler scheduler;

    @Inject
    SystemEvents systemEvents;

    @Override
    public void connectionOpened(LiveConnection connection) {
        HeartbeatSettings heartbeat = connection.heartbeat();
        if (!heartbeat.pings() && !heartbeat.timesOut() && connection.credentialsExpireAt().isEmpty()) {
            return;
        }
        listenForPongs(connection);
        if (sweeping.compareAndSet(false, true)) {
            scheduler.scheduleRepeatedly(this::sweep, sweepPeriod());
        }
    }

    /** A quarter of the shortest configured period, between 100 ms and 1 s. */
    private Duration sweepPeriod() {
        long shortest = Math.min(positiveOr(settings.heartbeatInterval()), positiveOr(settings.heartbeatTimeout()));
        return Duration.ofMillis(Math.max(100, Math.min(1_000, shortest / 4)));
    }

    private static long positiveOr(Duration duration) {
        return duration.isZero() ? Long.MAX_VALUE : duration.toMillis();
    }

    private static void listenForPongs(LiveConnection connection) {
        try {
            connection.session().addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> connection.seen());
        } catch (IllegalStateException endpointHasItsOwn) {
            // The endpoint handles pongs itself; its @OnMessage counts as "heard" through the lifecycle interceptor.
            LOG.fine(() -> "Endpoint of " + connection + " handles pongs itself");
        }
    }

    void sweep() {
        long now = System.nanoTime();
        Instant wallClock = Instant.now();
        for (LiveConnection connection : connections.all()) {
            HeartbeatSettings heartbeat = connection.heartbeat();
            if (connection.credentialsExpireAt().filter(wallClock::isAfter).isPresent()) {
                expired(connection);
            } else if (heartbeat.timesOut() && connection.nanosSinceSeen(now) > heartbeat.timeout().toNanos()) {
                timedOut(connection);
            } else if (heartbeat.pings() && connection.nanosSincePing(now) >= heartbeat.interval().toNanos()) {
                ping(connection, now);
            }
        }
    }

    /** A connection whose writes are backed up is not pinged: the ping could wait behind them; the timeout still applies. */
    private static void ping(LiveConnection connection, long now) {
        connection.pinged(now);
        if (connection.queuedMessages() > 0 || !connection.isOpen()) {
            return;
        }
        try {
            connection.session().getAsyncRemote().sendPing(NO_DATA.duplicate());
        } catch (Exception gone) {
            LOG.log(Level.FINE, "Ping to " + connection + " failed", gone);
        }
    }

    /** The credential the connection was opened with has expired: it may no longer act, so it is forgotten at once too. */
    private void expired(LiveConnection connection) {
        LOG.fine(() -> "Credentials expired: closing " + connection);
        closer.close(connection.session(), CREDENTIALS_EXPIRED);
        connections.unregister(connection.session(), CREDENTIALS_EXPIRED);
    }

    /** Closes, and forgets at once: an unresponsive client may keep the container from reporting the close for long. */
    private void timedOut(LiveConnection connection) {
        LOG.fine(() -> "Heartbeat timeout: closing " + connection);
        closer.close(connection.session(), TIMED_OUT);
        if (connections.unregister(connection.session(), TIMED_OUT).isPresent()) {
            metrics.heartbeatTimedOut();
            systemEvents.fire(new HeartbeatTimedOut(connection.id(), connection.identifier(), connection.lastSeen()));
        }
    }
}
