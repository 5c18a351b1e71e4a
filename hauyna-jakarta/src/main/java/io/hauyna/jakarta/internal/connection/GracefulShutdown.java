package io.hauyna.jakarta.internal.connection;

import io.hauyna.jakarta.internal.config.HauynaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Stops the application's connections in order when the application stops. From the first call
 * of {@link #drainAndClose()}, new upgrades are refused with HTTP 503 and the readiness check
 * reports DOWN; the outbound queues then get up to {@code hauyna.shutdown.drain-timeout-ms} to be
 * written (the wait ends when all are empty); then every connection is closed with
 * {@code hauyna.shutdown.close-code}, so that clients reconnect to another node, spread out.
 *
 * <p>Runs once, on the thread that stops the application: the servlet listener's
 * {@code contextDestroyed} where there is one ({@code ShutdownListener}, which stops before the
 * WebSocket container closes the sessions itself), else when the CDI container stops (Weld SE).
 * Nothing is handed to the background executor: a container may no longer run an application's
 * tasks while it stops it. Servers stop routing requests to the application before any of this
 * (404 or their own 503), so Hauyna's 503 is seen by upgrades that still reach it.
 */
@ApplicationScoped
public class GracefulShutdown {

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class.getName());
    private static final long POLL_MILLIS = 20;
    /** Threads that close the connections side by side. */
    private static final int CLOSERS = 16;
    /** How long the closes may take in all. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    @Inject
    ConnectionRegistry connections;

    @Inject
    HauynaSettings settings;

    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean draining;

    /** @return whether the application is stopping: no new connections, not ready */
    public boolean draining() {
        return draining;
    }

    /** @return how long a refused client should wait before it tries again, in whole seconds (at least 1) */
    public long retryAfterSeconds() {
        return Math.max(1, (settings.shutdownDrainTimeout().toMillis() + 999) / 1000);
    }

    void cdiContainerStopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        drainAndClose();
    }

    /** Drains and closes every connection; later calls return at once. Blocks for at most the drain timeout plus 10 s of closes. */
    public void drainAndClose() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        draining = true;
        long start = System.nanoTime();
        Duration timeout = settings.shutdownDrainTimeout();
        List<LiveConnection> open = List.copyOf(connections.all());
        awaitDrained(open, start + timeout.toNanos());
        long drainedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        List<LiveConnection> undrained = open.stream().filter(connection -> !connection.unregistered() && !connection.drained()).toList();
        long lost = undrained.stream().mapToLong(LiveConnection::queuedMessages).sum();
        CloseReason reason = new CloseReason(CloseReason.CloseCodes.getCloseCode(settings.shutdownCloseCode()),
                settings.shutdownCloseCode() == 1012 ? "Server restarting" : "Server shutting down");
        // Connections that opened while draining began are closed too: take the registry again.
        List<LiveConnection> closing = List.copyOf(connections.all());
        closeAll(closing, reason);
        long totalMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        LOG.info(() -> "Hauyna: stopping; " + (undrained.isEmpty() ? "every outbound queue written in " + drainedMillis + " ms"
                : connections(undrained.size()) + " still had " + lost + " messages queued after " + drainedMillis + " ms; they are lost")
                + "; closed " + connections(closing.size()) + " with " + reason.getCloseCode().getCode() + " in " + totalMillis + " ms");
    }

    /**
     * Closes every connection, side by side: a container may write the close frame synchronously
     * (Open Liberty waits about 5 s for a client that does not read, or a dead one), and one such
     * client after another would hold the stop up for each. Waits at most {@link #CLOSE_WAIT} in
     * all; closes not done by then are abandoned (the container drops those sockets as it stops).
     */
    private static void closeAll(List<LiveConnection> closing, CloseReason reason) {
        if (closing.isEmpty()) {
            return;
        }
        ExecutorService closers = Executors.newFixedThreadPool(Math.min(closing.size(), CLOSERS), runnable -> {
            Thread thread = new Thread(runnable, "hauyna-shutdown-close");
            thread.setDaemon(true);
            return thread;
        });
        closing.forEach(connection -> closers.execute(() -> connection.closeNow(reason)));
        closers.shutdown();
        try {
            if (!closers.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                closers.shutdownNow();
            }
        } catch (InterruptedException stop) {
            closers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static String connections(int count) {
        return count + (count == 1 ? " connection" : " connections");
    }

    /** Waits until every connection has written its queue or is gone, or until the deadline. */
    private static void awaitDrained(List<LiveConnection> open, long deadlineNanos) {
        while (open.stream().anyMatch(connection -> !connection.unregistered() && !connection.drained())
                && System.nanoTime() - deadlineNanos < 0) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
