package io.hauyna.bench.war;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The idle-memory baseline: a plain endpoint, no Hauyna, that keeps its sessions in a concurrent set
 * as an application that wants to reach them later must.
 */
@ServerEndpoint("/raw")
public class RawIdleEndpoint {

    static final Set<Session> SESSIONS = ConcurrentHashMap.newKeySet();

    @OnOpen
    public void open(Session session) {
        SESSIONS.add(session);
    }

    @OnClose
    public void close(Session session) {
        SESSIONS.remove(session);
    }
}
