package io.hauyna.tck.channels;

import io.hauyna.jakarta.Connection;
import io.hauyna.jakarta.spi.ChannelAuthorizer;
import io.hauyna.jakarta.spi.ChannelDecision;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** notifications:<id> is private to <id>. */
@ApplicationScoped
public class NotificationsAuthorizer implements ChannelAuthorizer {

    @Override
    public ChannelDecision authorizeJoin(Connection connection, String channel, Map<String, Object> metadata) {
        if (channel.startsWith("notifications:") && !channel.equals("notifications:" + connection.identifier())) {
            return ChannelDecision.deny("Only " + channel.substring("notifications:".length()) + " may join " + channel);
        }
        return ChannelDecision.allow();
    }
}
