package io.hauyna.sample;

import io.hauyna.jakarta.ChannelJoined;
import io.hauyna.jakarta.Channels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Per-user notifications on {@code notifications:<id>} (private to {@code <id>} through
 * {@code hauyna.channels.private} in {@code microprofile-config.properties}): whoever joins a room
 * gets a note there saying who else is in it.
 */
@ApplicationScoped
public class Notifications {

    private static final String PREFIX = "notifications:";

    @Inject
    Channels channels;

    static String channelOf(String identifier) {
        return PREFIX + identifier;
    }

    void roomJoined(@Observes ChannelJoined joined) {
        if (joined.channel().startsWith("room:")) {
            int others = channels.subscribers(joined.channel()).size() - 1;
            channels.broadcastTo(channelOf(joined.identifier()), Map.of(
                    "type", "notification",
                    "text", "You joined " + joined.channel() + (others == 0 ? ", nobody else is here yet" : " with " + others + " other(s)")));
        }
    }
}
