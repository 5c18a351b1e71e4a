package io.hauyna.jakarta.internal.event;

import io.hauyna.jakarta.internal.FailureLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Fires lifecycle events whose observers must never break the lifecycle itself. */
@ApplicationScoped
public class SystemEvents {

    private static final Logger LOG = Logger.getLogger(SystemEvents.class.getName());

    @Inject
    Event<Object> events;

    @Inject
    FailureLog failures;

    public void fire(Object event) {
        try {
            events.fire(event);
        } catch (RuntimeException observerFailed) {
            failures.log("An observer of " + event + " failed", observerFailed);
        }
    }
}
