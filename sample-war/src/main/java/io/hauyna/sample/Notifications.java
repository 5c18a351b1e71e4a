package io.hauyna.sample;

import io.hauyna.jakarta.ChannelJoined;
import io.hauyna.jakarta.Channels;
import io.hauyna.jakarta.Connection;
import io.hauyna.jakarta.spi.ChannelAuthorizer;
import io.hauyna.jakarta.spi.ChannelDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Per-user notifications: {@code notifications:<id>} is private to {@code <id>}, and whoever joins
 * a room gets a note there saying who else is in it.
 */
@ApplicationScoped
public class Notifications implements ChannelAuthorizer {

    private static final String PREFIX = "notifications:";

    @Inject
    Channels channels;

    static String channelOf(String identifier) {
        return PREFIX + identifier;
    }

    @Override
    public ChannelDecision authorizeJoin(Connection connection, String channel, Map<String, Object> metadata) {
        if (channel.startsWith(PREFIX) && !channel.equals(channelOf(connection.identifier()))) {
            return ChannelDecision.deny("Notifications are private: you may only join " + channelOf(connection.identifier()));
        }
        return ChannelDecision.allow();
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
