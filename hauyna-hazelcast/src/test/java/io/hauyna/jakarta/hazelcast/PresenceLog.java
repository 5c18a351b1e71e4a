package io.hauyna.jakarta.hazelcast;

import io.hauyna.jakarta.PresenceChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;

/** Records the {@link PresenceChanged} events a node fires, as "identifier:from>to". */
@ApplicationScoped
public class PresenceLog {

    private final List<String> events = new ArrayList<>();

    synchronized void changed(@Observes PresenceChanged change) {
        events.add(change.identifier() + ":" + change.before().wireName() + ">" + change.after().wireName());
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }
}
