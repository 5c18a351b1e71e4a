package io.hauyna.tck.events;

import io.hauyna.jakarta.ClientEvent;
import io.hauyna.jakarta.ConnectionClosed;
import io.hauyna.jakarta.ConnectionOpened;
import io.hauyna.jakarta.Events;
import io.hauyna.jakarta.HauynaEvent;
import io.hauyna.jakarta.MessageRejected;
import io.hauyna.jakarta.Presence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Server-side APIs a black-box test can only see through the socket: pushes from the server, the
 * Presence bean's queries, and the system events (recorded, then reported on request).
 */
@ApplicationScoped
public class ServerSide {

    private final List<String> systemEvents = new CopyOnWriteArrayList<>();

    @Inject
    Events events;

    @Inject
    Presence presence;

    void opened(@Observes ConnectionOpened opened) {
        systemEvents.add("opened " + opened.identifier());
    }

    void closed(@Observes ConnectionClosed closed) {
        systemEvents.add("closed " + closed.identifier());
    }

    void rejected(@Observes MessageRejected rejected) {
        systemEvents.add("rejected " + rejected.identifier() + " " + rejected.errorType().wireName());
    }

    /** {@code {"about": "bob"}}: the system events that concern bob, in order. */
    void report(@Observes @HauynaEvent("system_events") ClientEvent event) {
        String about = event.data().asJsonObject().getString("about");
        event.reply(systemEvents.stream().filter(line -> line.split(" ")[1].equals(about)).toList());
    }

    /** Pushes a custom event to the sender from server code, then replies. */
    void pushBack(@Observes @HauynaEvent("push_to_me") ClientEvent event) {
        int delivered = events.push(event.identifier(), "pushed", Map.of("to", event.identifier()));
        event.reply(Map.of("delivered", delivered));
    }

    /** {@code {"who": "bob"}}: what the Presence bean says about bob, and how many are present. */
    void presenceOf(@Observes @HauynaEvent("presence_of") ClientEvent event) {
        String who = event.data().asJsonObject().getString("who");
        Map<String, Object> answer = new TreeMap<>();
        answer.put("present", presence.isPresent(who));
        answer.put("status", presence.state(who).map(info -> info.status().wireName()).orElse("offline"));
        answer.put("count", presence.count());
        event.reply(answer);
    }
}
