package io.hauyna.bench.war;

import io.hauyna.jakarta.Connection;
import io.hauyna.jakarta.spi.ChannelAuthorizer;
import io.hauyna.jakarta.spi.ChannelDecision;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lets the load generator's publisher post to channels it does not read, as a news feed's editor
 * would: the default lets only subscribers publish, and a subscribed publisher would be one more
 * recipient in the baselines' count than in Hauyna's (which skips the sender).
 */
@ApplicationScoped
public class Publishers implements ChannelAuthorizer {

    static final String PUBLISHER = "publisher";

    @Override
    public ChannelDecision authorizePublish(Connection connection, String channel, boolean subscribed) {
        return subscribed || PUBLISHER.equals(connection.identifier()) ? ChannelDecision.allow()
                : ChannelDecision.deny("Only subscribers and the publisher publish");
    }
}
