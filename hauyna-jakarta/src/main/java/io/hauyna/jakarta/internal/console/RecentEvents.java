package io.hauyna.jakarta.internal.console;

import io.hauyna.jakarta.ConnectionClosed;
import io.hauyna.jakarta.MessageRejected;
import io.hauyna.jakarta.internal.Texts;
import io.hauyna.jakarta.internal.config.HauynaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last {@value #KEPT} connection closes and the last {@value #KEPT} rejected messages (typed
 * errors sent to a client), for the console; only while it is on. Texts a client chooses (a close
 * reason) are shortened, so the memory is bounded whatever clients send.
 */
@ApplicationScoped
public class RecentEvents {

    static final int KEPT = 50;
    private static final int MAX_TEXT = 200;

    /** A connection that closed, with the code and reason Hauyna or the client gave. */
    record Close(Instant at, int code, String reason, String identifier) {
    }

    /** A typed error sent to a client. */
    record Error(Instant at, String type, String message, String identifier) {
    }

    @Inject
    HauynaSettings settings;

    private final Deque<Close> closes = new ArrayDeque<>(KEPT);
    private final Deque<Error> errors = new ArrayDeque<>(KEPT);

    void closed(@Observes ConnectionClosed closed) {
        if (settings.consoleEnabled()) {
            keep(closes, new Close(Instant.now(), closed.closeCode(), Texts.shortened(closed.reason(), MAX_TEXT), closed.identifier()));
        }
    }

    void rejected(@Observes MessageRejected rejected) {
        if (settings.consoleEnabled()) {
            keep(errors, new Error(Instant.now(), rejected.errorType().wireName(), Texts.shortened(rejected.message(), MAX_TEXT),
                    rejected.identifier()));
        }
    }

    private synchronized <T> void keep(Deque<T> recent, T event) {
        if (recent.size() == KEPT) {
            recent.removeLast();
        }
        recent.addFirst(event);
    }

    /** @return the recent closes, newest first; empty when none */
    List<Close> closes() {
        return copy(closes);
    }

    /** @return the recent errors, newest first; empty when none */
    List<Error> errors() {
        return copy(errors);
    }

    private synchronized <T> List<T> copy(Deque<T> recent) {
        return new ArrayList<>(recent);
    }
}
