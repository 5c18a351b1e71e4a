package io.hauyna.jakarta.internal.connection;

import io.hauyna.jakarta.HauynaCloseCodes;
import io.hauyna.jakarta.internal.HauynaScheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes sessions on the scheduler thread, never on the caller's: a close writes a close frame,
 * which on some containers waits for the socket, and a container may call the endpoint's
 * {@code @OnClose} from inside {@code close()}, where CDI would not intercept it if the caller is
 * itself an intercepted endpoint method.
 */
@ApplicationScoped
public class SessionCloser {

    static final CloseReason SLOW_CONSUMER = new CloseReason(HauynaCloseCodes.SLOW_CONSUMER,
            "Outbound queue full: the client reads too slowly");

    private static final Logger LOG = Logger.getLogger(SessionCloser.class.getName());

    @Inject
    HauynaScheduler scheduler;

    public void close(Session session, CloseReason reason) {
        scheduler.execute(() -> closeNow(session, reason));
    }

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
}
