package io.hauyna.tck.hostile;

import io.hauyna.jakarta.Channels;
import io.hauyna.jakarta.ClientEvent;
import io.hauyna.jakarta.Connections;
import io.hauyna.jakarta.HauynaEvent;
import io.hauyna.jakarta.Presence;
import io.hauyna.jakarta.PresenceInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Answers a {@code registries} event with what every registry holds, so a black-box test can see that nothing changed. */
@ApplicationScoped
public class RegistrySnapshot {

    @Inject
    Channels channels;

    @Inject
    Connections connections;

    @Inject
    Presence presence;

    void snapshot(@Observes @HauynaEvent("registries") ClientEvent event) {
        Map<String, Object> snapshot = new TreeMap<>();
        snapshot.put("channels", new TreeSet<>(channels.channels()));
        snapshot.put("calm", new TreeSet<>(channels.subscribers("room:calm")));
        snapshot.put("groups", new TreeSet<>(connections.groups()));
        snapshot.put("identifiers", new TreeSet<>(connections.identifiers()));
        snapshot.put("connections", connections.count());
        snapshot.put("present", presence.list().stream().map(PresenceInfo::identifier).toList());
        snapshot.put("bystander", presence.state("bystander").map(info -> info.metas().toString()).orElse("absent"));
        event.reply(snapshot);
    }
}
