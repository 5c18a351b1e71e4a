package io.hauyna.tck.events;

import io.hauyna.jakarta.ClientEvent;
import io.hauyna.jakarta.ErrorType;
import io.hauyna.jakarta.HauynaEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

import java.util.Map;
import java.util.TreeMap;

/** Observers deployed in the test WAR; their replies tell the client what ran. */
@ApplicationScoped
public class EventObservers {

    void first(@Observes @Priority(10) @HauynaEvent("order") ClientEvent event) {
        String text = event.data().asJsonObject().getString("text");
        if (text.equals("stop")) {
            event.reply(Map.of("ran", "first only"));
            event.stopPropagation();
        } else if (text.equals("fail")) {
            event.fail(ErrorType.VALIDATION_ERROR, "Text must not be 'fail'");
        } else if (text.equals("boom")) {
            throw new IllegalStateException("observer bug (expected by the TCK)");
        }
    }

    void second(@Observes @Priority(20) @HauynaEvent("order") ClientEvent event) {
        event.reply(new TreeMap<>(Map.of("ran", "first then second", "by", event.identifier())));
    }

    void later(@ObservesAsync @HauynaEvent("later") ClientEvent event) {
        event.connection().ifPresent(connection -> connection.send("async observer ran"));
    }
}
