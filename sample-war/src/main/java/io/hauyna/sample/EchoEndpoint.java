package io.hauyna.sample;

import io.hauyna.jakarta.Connection;
import io.hauyna.jakarta.Connections;
import io.hauyna.jakarta.HauynaConfigurator;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Echoes every message back with what Hauyna knows about the sender: identifier, room and groups.
 * Everyone in a room is in the group {@code room:<name>}; the room hears who joins and leaves.
 */
@Dependent
@ServerEndpoint(value = "/echo/{room}", configurator = HauynaConfigurator.class)
public class EchoEndpoint {

    /** What the page receives; JSON-B encodes it once per send. */
    public record Frame(String type, String identifier, String room, String text, Set<String> groups, int connections) {
    }

    @Inject
    Connections connections;

    @OnOpen
    public void open(Session session, @PathParam("room") String room) throws IOException {
        Connection me = connections.connection(session).orElseThrow();
        try {
            connections.addToGroup(me.identifier(), roomGroup(room));
        } catch (IllegalStateException full) {
            // hauyna.limits.groups reached (see the config): one room per URL, so clients could make any number.
            session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "Too many rooms: try again later"));
            return;
        }
        me.send(frame("welcome", me, room, null));
        connections.sendToGroup(roomGroup(room), frame("joined", me, room, null));
    }

    @OnMessage
    public void message(Session session, String text, @PathParam("room") String room) {
        connections.connection(session).ifPresent(me -> me.send(frame("echo", me, room, text)));
    }

    @OnClose
    public void close(Session session, @PathParam("room") String room) {
        connections.connection(session).ifPresent(me ->
                connections.sendToMany(otherMembers(room, me.identifier()), frame("left", me, room, null)));
    }

    private List<String> otherMembers(String room, String identifier) {
        return connections.groupMembers(roomGroup(room)).stream().filter(member -> !member.equals(identifier)).toList();
    }

    private Frame frame(String type, Connection me, String room, String text) {
        return new Frame(type, me.identifier(), room, text, new TreeSet<>(me.groups()),
                connections.connectionsOf(me.identifier()).size());
    }

    private static String roomGroup(String room) {
        return "room:" + room;
    }
}
