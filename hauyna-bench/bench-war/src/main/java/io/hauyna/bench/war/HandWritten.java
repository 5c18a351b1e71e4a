package io.hauyna.bench.war;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The baselines: what an application writes without Hauyna. Sessions kept in concurrent sets per
 * room and by user, and a loop over them with the container's own remote endpoints.
 */
@ApplicationScoped
public class HandWritten {

    private final Map<String, Set<Session>> rooms = new ConcurrentHashMap<>();
    private final Map<Session, String> roomOf = new ConcurrentHashMap<>();
    private final Map<String, Session> byUser = new ConcurrentHashMap<>();

    void join(String room, Session session) {
        rooms.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(session);
        roomOf.put(session, room);
    }

    void index(String user, Session session) {
        byUser.put(user, session);
    }

    void forget(String user, Session session) {
        String room = roomOf.remove(session);
        if (room != null) {
            // an empty room goes, as Hauyna's channels do, so that later scenarios find no leftovers
            rooms.computeIfPresent(room, (name, sessions) -> sessions.remove(session) && sessions.isEmpty() ? null : sessions);
        }
        byUser.remove(user, session);
    }

    /** @return how many sessions the baselines hold, for the server's statistics */
    int sessions() {
        return byUser.size();
    }

    /** {@code raw-async}: one asynchronous send per open session, as most tutorials write it. */
    int sendAsync(String room, String payload) {
        Set<Session> sessions = rooms.getOrDefault(room, Set.of());
        for (Session session : sessions) {
            sendAsync(session, payload);
        }
        return sessions.size();
    }

    /** {@code raw-basic}: one blocking send per session, serialised per session as the API requires. */
    int sendBasic(String room, String payload) {
        Set<Session> sessions = rooms.getOrDefault(room, Set.of());
        for (Session session : sessions) {
            sendBasic(session, payload);
        }
        return sessions.size();
    }

    boolean directAsync(String user, String payload) {
        Session session = byUser.get(user);
        return session != null && sendAsync(session, payload);
    }

    private static boolean sendAsync(Session session, String payload) {
        try {
            session.getAsyncRemote().sendText(payload);
            return true;
        } catch (IllegalStateException closedMeanwhile) {
            // one closed session must not stop the loop for the others
            return false;
        }
    }

    boolean directBasic(String user, String payload) {
        Session session = byUser.get(user);
        return session != null && sendBasic(session, payload);
    }

    private static boolean sendBasic(Session session, String payload) {
        try {
            synchronized (session) {
                session.getBasicRemote().sendText(payload);
            }
            return true;
        } catch (IOException | IllegalStateException gone) {
            // closed meanwhile: a loop written by hand skips it too
            return false;
        }
    }
}
