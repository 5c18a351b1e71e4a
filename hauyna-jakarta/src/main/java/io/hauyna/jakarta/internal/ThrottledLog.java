package io.hauyna.jakarta.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A log that writes each kind of message (its key) at most once per window and counts the rest;
 * the count is added to the next line of that kind. What clients can provoke must never write
 * more than this: one line per kind per window, and a bounded number of kinds.
 */
public final class ThrottledLog {

    /** How often one kind of message may reach the log. */
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Kinds beyond this share one window, so that varied keys cannot grow the map or the log. */
    static final int MAX_KINDS = 256;
    private static final String OTHER_KINDS = "(other)";

    /** One kind's current window: when it opened and how many lines it has held back since. */
    private static final class Window {
        final long openedAt;
        long heldBack;

        Window(long openedAt) {
            this.openedAt = openedAt;
        }
    }

    private final Logger logger;
    private final long windowNanos;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public ThrottledLog(Logger logger) {
        this(logger, WINDOW);
    }

    public ThrottledLog(Logger logger, Duration window) {
        this.logger = logger;
        this.windowNanos = window.toNanos();
    }

    public void log(Level level, String kind, Supplier<String> message) {
        log(level, kind, message, null);
    }

    /**
     * Writes the message (and {@code thrown}'s stack trace) if no message of this kind was written
     * within the window, else only counts it.
     */
    public void log(Level level, String kind, Supplier<String> message, Throwable thrown) {
        if (!logger.isLoggable(level)) {
            return;
        }
        long now = System.nanoTime();
        if (windows.size() >= MAX_KINDS && !windows.containsKey(kind)) {
            forgetClosedWindows(now);
        }
        String key = windows.size() >= MAX_KINDS && !windows.containsKey(kind) ? OTHER_KINDS : kind;
        long[] heldBack = {-1};
        windows.compute(key, (name, window) -> {
            if (window == null || now - window.openedAt >= windowNanos) {
                heldBack[0] = window == null ? 0 : window.heldBack;
                return new Window(now);
            }
            window.heldBack++;
            return window;
        });
        if (heldBack[0] < 0) {
            return;
        }
        String text = message.get();
        if (heldBack[0] > 0) {
            text += " [" + heldBack[0] + " more like this since the last report were not logged; at most one per "
                    + WINDOW.toSeconds() + " s]";
        }
        logger.log(level, text, thrown);
    }

    /**
     * Makes room for new kinds: a window that has closed only matters for its count of held-back
     * lines, which moves to the shared kind, so that a new bug gets its own stack trace again.
     */
    private void forgetClosedWindows(long now) {
        windows.forEach((kind, window) -> {
            if (!kind.equals(OTHER_KINDS) && now - window.openedAt >= windowNanos && windows.remove(kind, window) && window.heldBack > 0) {
                windows.compute(OTHER_KINDS, (name, other) -> {
                    Window shared = other == null ? new Window(now) : other;
                    shared.heldBack += window.heldBack;
                    return shared;
                });
            }
        });
    }

    /** Writes one line per kind that held lines back, e.g. when the application stops. */
    void flush(Level level) {
        windows.forEach((kind, window) -> {
            if (window.heldBack > 0 && logger.isLoggable(level)) {
                logger.log(level, "Hauyna: " + window.heldBack + " more log lines of kind '" + kind + "' were not written (at most one per "
                        + WINDOW.toSeconds() + " s)");
            }
        });
        windows.clear();
    }
}
