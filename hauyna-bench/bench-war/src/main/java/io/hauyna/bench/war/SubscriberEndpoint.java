package io.hauyna.bench.war;

import io.hauyna.jakarta.Channels;
import io.hauyna.jakarta.Connections;
import io.hauyna.jakarta.HauynaConfigurator;
import io.hauyna.jakarta.HauynaProtocol;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import java.util.List;
import java.util.Map;

/**
 * Every load-generator connection but the idle baseline's. A connection to {@code /sub/<room>} is
 * subscribed to that room twice over: in Hauyna's channel of that name and in the hand-written
 * baseline's set, so that every mode delivers to the very same sockets ({@code /sub/none}: to no
 * room); with {@code ?history}, also in the history channel {@code hist:<room>}. Frames that start with <code>{</code> are Hauyna protocol frames; any other frame is a
 * command (see {@link Command}) that makes the server send in one of the modes under test.
 */
@Dependent
@ServerEndpoint(value = "/sub/{room}", configurator = HauynaConfigurator.class)
public class SubscriberEndpoint {

    static final String NO_ROOM = "none";
    /** A history channel of the WAR's settings ({@code hauyna.history.channels=hist:}). */
    static final String HISTORY_PREFIX = "hist:";

    @Inject
    Channels channels;
    @Inject
    Connections connections;
    @Inject
    HauynaProtocol protocol;
    @Inject
    HandWritten handWritten;

    @OnOpen
    public void open(Session session, @PathParam("room") String room) {
        if (!NO_ROOM.equals(room)) {
            channels.subscribe(room, session, Map.of());
            handWritten.join(room, session);
            if (session.getRequestParameterMap().containsKey("history")) {
                channels.subscribe(HISTORY_PREFIX + room, session, Map.of());
            }
        }
        // last: the load generator counts indexed sessions to know that every @OnOpen has finished
        handWritten.index(userOf(session), session);
    }

    @OnMessage
    public void message(Session session, String text) {
        if (text.startsWith("{")) {
            protocol.handle(session, text);
        } else {
            Command.parse(text).run(session, this);
        }
    }

    @OnClose
    public void close(Session session) {
        // the session's own parameter: Hauyna may have unregistered the connection already
        handWritten.forget(userOf(session), session);
    }

    private static String userOf(Session session) {
        List<String> user = session.getRequestParameterMap().get("u");
        return user == null || user.isEmpty() ? session.getId() : user.get(0);
    }
}
