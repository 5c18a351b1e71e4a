package io.hauyna.bench.war;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The idle-memory baseline: a plain endpoint, no Hauyna, that keeps its sessions by user as an
 * application that wants to reach them later must (the bench's Hauyna endpoint keeps the same entry
 * for its hand-written baselines, so the comparison is like for like).
 */
@ServerEndpoint("/raw")
public class RawIdleEndpoint {

    static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();

    @OnOpen
    public void open(Session session) {
        SESSIONS.put(userOf(session), session);
    }

    @OnClose
    public void close(Session session) {
        SESSIONS.remove(userOf(session), session);
    }

    private static String userOf(Session session) {
        List<String> user = session.getRequestParameterMap().get("u");
        return user == null || user.isEmpty() ? session.getId() : user.get(0);
    }
}
