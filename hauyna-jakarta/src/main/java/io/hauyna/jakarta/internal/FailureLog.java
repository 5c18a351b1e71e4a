package io.hauyna.jakarta.internal;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.DecodeException;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where Hauyna reports failures that are not the client's fault: defects of the server, of Hauyna
 * or of the application. Each distinct cause (its exception types and where the root one was
 * thrown) is logged with its stack trace at most once per {@link ThrottledLog#WINDOW}; repeats are
 * counted, so that a client that can trigger a bug still cannot flood the log with it. What a
 * client causes by itself (a broken connection, a frame the container cannot decode) is logged at
 * {@code FINE} only.
 */
@ApplicationScoped
public class FailureLog {

    private static final Logger LOG = Logger.getLogger(FailureLog.class.getName());

    private static final int MAX_CAUSES = 10;

    private final ThrottledLog log = new ThrottledLog(LOG);

    /**
     * @param context what failed, e.g. "Handling a frame from Connection[...] failed"
     * @param failure the cause; its kind decides the level
     */
    public void log(String context, Throwable failure) {
        if (isClientFault(failure)) {
            LOG.log(Level.FINE, context, failure);
            return;
        }
        log.log(Level.WARNING, causeOf(failure), () -> context, failure);
    }

    /**
     * A connection that broke (reset, closed half-way) or a frame the container could not decode:
     * the client's doing, not a defect.
     */
    static boolean isClientFault(Throwable failure) {
        int depth = 0;
        // Bounded: a chain built with initCause may loop.
        for (Throwable cause = failure; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
            if (cause instanceof IOException || cause instanceof DecodeException) {
                return true;
            }
        }
        return false;
    }

    /** The chain of exception types and where the innermost was thrown: the same bug gives the same key. */
    static String causeOf(Throwable failure) {
        StringBuilder key = new StringBuilder();
        Throwable root = failure;
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
            key.append(cause.getClass().getName()).append('<');
            root = cause;
        }
        StackTraceElement[] frames = root.getStackTrace();
        return frames.length == 0 ? key.toString() : key.append(frames[0]).toString();
    }

    @PreDestroy
    void flush() {
        log.flush(Level.WARNING);
    }
}
