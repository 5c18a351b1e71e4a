package io.hauyna.jakarta.internal.connection;

import io.hauyna.jakarta.internal.channel.ChannelRegistry;
import io.hauyna.jakarta.internal.metrics.HauynaMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.stream.Stream;

/**
 * Offers one encoded message to each of the connections in this JVM that a {@link Target} names.
 * Each offer returns at once whatever the recipient's state: its bounded queue takes the message,
 * or applies its overflow policy, so one slow client never holds up the others.
 */
@ApplicationScoped
public class LocalDelivery {

    @Inject
    ChannelRegistry channels;

    @Inject
    ConnectionRegistry connections;

    @Inject
    HauynaMetrics metrics;

    /** @return how many connections accepted the message */
    public int deliver(Target target, EncodedMessage message) {
        String except = target.exceptConnectionId();
        int accepted = 0;
        for (LiveConnection recipient : (Iterable<LiveConnection>) recipients(target)::iterator) {
            if ((except == null || !except.equals(recipient.id())) && recipient.offer(message)) {
                accepted++;
            }
        }
        metrics.delivered(accepted);
        return accepted;
    }

    private Stream<LiveConnection> recipients(Target target) {
        if (target instanceof Target.Channel channel) {
            return channels.subscribedConnections(channel.name());
        }
        if (target instanceof Target.Identifiers identifiers) {
            return identifiers.identifiers().stream().flatMap(this::connectionsOf);
        }
        if (target instanceof Target.Group group) {
            return connections.membersOf(group.name(), group.role()).stream().flatMap(this::connectionsOf);
        }
        return connections.all().stream();
    }

    private Stream<LiveConnection> connectionsOf(String identifier) {
        return connections.liveConnectionsOf(identifier).stream();
    }
}
