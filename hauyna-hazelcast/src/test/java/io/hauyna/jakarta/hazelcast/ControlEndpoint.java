package io.hauyna.jakarta.hazelcast;

import io.hauyna.jakarta.Channels;
import io.hauyna.jakarta.Connections;
import io.hauyna.jakarta.Presence;
import io.hauyna.jakarta.PresenceInfo;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import java.util.Collection;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Lets a test call a node's server API from outside its process: one text command in, one text
 * answer out, e.g. {@code addToGroup alice staff admin} → {@code true}. Sets are sorted and joined
 * with commas.
 */
@ServerEndpoint("/control")
public class ControlEndpoint {

    @OnMessage
    public String command(String command) {
        String[] words = command.split(" ", 4);
        Connections connections = CDI.current().select(Connections.class).get();
        Channels channels = CDI.current().select(Channels.class).get();
        Presence presence = CDI.current().select(Presence.class).get();
        return switch (words[0]) {
            case "count" -> Integer.toString(connections.count());
            case "identifiers" -> sorted(connections.identifiers());
            case "channels" -> sorted(channels.channels());
            case "subscribers" -> sorted(channels.subscribers(words[1]));
            case "broadcast" -> Integer.toString(connections.broadcast(words[1]));
            case "sendTo" -> Integer.toString(connections.sendTo(words[1], words[2]));
            case "sendToGroup" -> Integer.toString(connections.sendToGroup(words[1], words[2]));
            case "addToGroup" -> Boolean.toString(connections.addToGroup(words[1], words[2], words[3]));
            case "removeFromGroup" -> Boolean.toString(connections.removeFromGroup(words[1], words[2]));
            case "groups" -> sorted(connections.groups());
            case "groupMembers" -> sorted(connections.groupMembers(words[1]));
            case "groupsOf" -> sorted(connections.groupsOf(words[1]));
            case "roleIn" -> connections.roleIn(words[1], words[2]).orElse("");
            case "presence" -> presence.list().stream().map(info -> info.identifier() + ":" + info.status().wireName() + ":" + info.metas().size())
                    .collect(Collectors.joining(","));
            case "presenceCount" -> Integer.toString(presence.count());
            case "presenceEvents" -> String.join(",", CDI.current().select(PresenceLog.class).get().events());
            case "track" -> {
                presence.track(words[1], java.util.Map.of("by", "server"));
                yield "ok";
            }
            case "updateState" -> Boolean.toString(presence.updateState(words[1], java.util.Map.of(words[2], words[3])));
            case "untrack" -> {
                presence.untrack(words[1]);
                yield "ok";
            }
            case "state" -> presence.state(words[1]).map(PresenceInfo::toString).orElse("");
            case "publish" -> Integer.toString(channels.publish(words[1], words[2]));
            case "replicas" -> replicas(words[1]);
            case "gridSafe" -> Boolean.toString(com.hazelcast.core.Hazelcast.getAllHazelcastInstances().stream()
                    .allMatch(member -> member.getPartitionService().isClusterSafe()));
            default -> "unknown command " + words[0];
        };
    }

    /** @return the Hazelcast ports of the owner and the first backup of the partition of a partition key */
    private static String replicas(String partitionKey) {
        com.hazelcast.core.HazelcastInstance member = com.hazelcast.core.Hazelcast.getAllHazelcastInstances().iterator().next();
        int id = member.getPartitionService().getPartition(partitionKey).getPartitionId();
        com.hazelcast.internal.partition.InternalPartition partition = ((com.hazelcast.instance.impl.HazelcastInstanceProxy) member)
                .getOriginal().node.getPartitionService().getPartition(id);
        return partition.getReplica(0).address().getPort() + "," + partition.getReplica(1).address().getPort();
    }

    private static String sorted(Collection<String> values) {
        return String.join(",", new TreeSet<>(values));
    }
}
