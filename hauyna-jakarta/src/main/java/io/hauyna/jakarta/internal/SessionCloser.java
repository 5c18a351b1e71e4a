package io.hauyna.jakarta.internal;

import io.hauyna.jakarta.HauynaCloseCodes;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes sessions off the caller's thread. A close writes a close frame, which on some containers
 * waits for the socket; a fan-out that finds a slow consumer must not wait with it.
 */
@ApplicationScoped
public class SessionCloser {

    static final CloseReason SLOW_CONSUMER = new CloseReason(HauynaCloseCodes.SLOW_CONSUMER,
            "Outbound queue full: the client reads too slowly");

    private static final Logger LOG = Logger.getLogger(SessionCloser.class.getName());

    private final ExecutorService closer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hauyna-session-closer");
        thread.setDaemon(true);
        return thread;
    });

    void close(Session session, CloseReason reason) {
        try {
            closer.execute(() -> closeNow(session, reason));
        } catch (RejectedExecutionException shuttingDown) {
            closeNow(session, reason);
        }
    }

    /** Closes on the calling thread; for callers that are already on a container thread of that session. */
    static void closeNow(Session session, CloseReason reason) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.close(reason);
        } catch (IOException | RuntimeException alreadyGone) {
            LOG.log(Level.FINE, "Closing session " + session.getId() + " failed", alreadyGone);
        }
    }

    @PreDestroy
    void stop() {
        closer.shutdown();
    }
}
