package io.hauyna.tck.channels;

import io.hauyna.jakarta.ChannelJoined;
import io.hauyna.jakarta.ChannelLeft;
import io.hauyna.jakarta.Connections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Makes the CDI channel events visible to a black-box test: each is sent to the user "watcher". */
@ApplicationScoped
public class ChannelEventRelay {

    @Inject
    Connections connections;

    void joined(@Observes ChannelJoined event) {
        connections.sendTo("watcher", "joined " + event.channel() + " " + event.identifier() + " " + event.metadata());
    }

    void left(@Observes ChannelLeft event) {
        connections.sendTo("watcher", "left " + event.channel() + " " + event.identifier());
    }
}
