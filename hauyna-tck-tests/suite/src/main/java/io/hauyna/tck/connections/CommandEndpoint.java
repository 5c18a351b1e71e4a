package io.hauyna.tck.connections;

import io.hauyna.jakarta.Connection;
import io.hauyna.jakarta.Connections;
import io.hauyna.jakarta.HauynaConfigurator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Lets a black-box test drive the {@link Connections} API over the socket: each text message is a
 * command ({@code join team admin}, {@code group team hello}, ...), answered on the same socket
 * after any fan-out it caused to this client, so tests can read replies in order.
 */
@Dependent
@ServerEndpoint(value = "/commands/{room}", configurator = HauynaConfigurator.class)
public class CommandEndpoint {

    @Inject
    Connections connections;

    private String instance;

    @PostConstruct
    void created() {
        instance = UUID.randomUUID().toString();
    }

    @OnOpen
    public void open(Session session, @PathParam("room") String room) {
        Connection me = connections.connection(session).orElseThrow(() -> new IllegalStateException("not registered before @OnOpen"));
        Map<String, Object> welcome = new LinkedHashMap<>();
        welcome.put("type", "welcome");
        welcome.put("identifier", me.identifier());
        welcome.put("room", room);
        welcome.put("path", me.pathParameters());
        welcome.put("query", me.queryParameters());
        welcome.put("instance", instance);
        me.send(welcome);
    }

    @OnMessage
    public void command(Session session, String text) throws IOException {
        Connection me = connections.connection(session).orElseThrow();
        String[] words = text.split(" ", 4);
        switch (words[0]) {
            case "join" -> me.send("joined " + connections.addToGroup(me.identifier(), words[1],
                    words.length > 2 ? words[2] : Connections.DEFAULT_ROLE));
            case "leave" -> me.send("left " + connections.removeFromGroup(me.identifier(), words[1]));
            case "group" -> me.send("sent " + connections.sendToGroup(words[1], rest(text, 2)));
            case "role" -> me.send("sent " + connections.sendToGroup(words[1], words[2], rest(text, 3)));
            case "user" -> me.send("sent " + connections.sendTo(words[1], rest(text, 2)));
            case "many" -> me.send("sent " + connections.sendToMany(Arrays.asList(words[1].split(",")), rest(text, 2)));
            case "all" -> me.send("sent " + connections.broadcast(rest(text, 1)));
            case "repeat" -> me.send("sent " + connections.sendTo(me.identifier(), rest(text, 2).repeat(Integer.parseInt(words[1]))));
            case "json" -> me.send(Map.of("text", rest(text, 1), "from", me.identifier()));
            case "flood" -> flood(me, words[1], Integer.parseInt(words[2]), Integer.parseInt(words[3]));
            case "count" -> count(me, words[1], Integer.parseInt(words[2]));
            case "stats" -> me.send(stats());
            case "close" -> session.close();
            default -> me.send("unknown command " + words[0]);
        }
    }

    @OnClose
    public void close(Session session) {
        // Hauyna unregisters the connection after this returns.
    }

    /** Sends {@code count} messages of {@code size} characters to a group, then says how many each went to. */
    private void flood(Connection me, String group, int count, int size) {
        String payload = "f".repeat(size);
        int delivered = 0;
        for (int i = 0; i < count; i++) {
            delivered += connections.sendToGroup(group, payload);
        }
        me.send("flooded " + delivered);
    }

    /** Sends "1" to "{@code to}" to a group as fast as it can, then says how many deliveries that made. */
    private void count(Connection me, String group, int to) {
        int delivered = 0;
        for (int i = 1; i <= to; i++) {
            delivered += connections.sendToGroup(group, Integer.toString(i));
        }
        me.send("counted " + delivered);
    }

    private Map<String, Object> stats() {
        Map<String, Object> groups = new TreeMap<>();
        connections.groups().forEach(group -> groups.put(group, new TreeSet<>(connections.groupMembers(group))));
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("count", connections.count());
        stats.put("identifiers", new TreeSet<>(connections.identifiers()));
        stats.put("groups", groups);
        return stats;
    }

    private static String rest(String text, int wordsToSkip) {
        List<String> words = Arrays.asList(text.split(" ", wordsToSkip + 1));
        return words.size() > wordsToSkip ? words.get(wordsToSkip) : "";
    }
}
