package io.hauyna.tck.security;

import io.hauyna.jakarta.ClientEvent;
import io.hauyna.jakarta.Connection;
import io.hauyna.jakarta.Connections;
import io.hauyna.jakarta.HauynaEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers a {@code stats} event with what the server holds, so black-box tests can see that nothing leaked. */
@ApplicationScoped
public class ServerStats {

    @Inject
    Connections connections;

    /** Counted by {@link GateFilter} when the WAR has it. */
    static final AtomicInteger FILTER_CALLS = new AtomicInteger();

    void stats(@Observes @HauynaEvent("stats") ClientEvent event) {
        Map<String, Object> stats = new TreeMap<>();
        stats.put("connections", connections.count());
        stats.put("identifiers", new java.util.TreeSet<>(connections.identifiers()));
        stats.put("filterCalls", FILTER_CALLS.get());
        event.connection().map(Connection::metadata).ifPresent(metadata -> stats.put("metadata", new TreeMap<>(metadata)));
        event.reply(stats);
    }
}
