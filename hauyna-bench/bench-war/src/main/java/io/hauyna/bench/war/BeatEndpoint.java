package io.hauyna.bench.war;

import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.HauynaConfigurator;
import io.hauyna.jakarta.Heartbeat;
import jakarta.enterprise.context.Dependent;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Scenario 7's idle connections with the heartbeat Hauyna uses by default. The bench server runs
 * with the heartbeat switched off for every other endpoint (a sweep of pings would land in whichever
 * run it overlapped), so this endpoint asks for the default interval and timeout explicitly, and the
 * scenario compares it with {@code /sub/none} in the same server process.
 */
@Dependent
@Heartbeat(interval = HauynaConfigKeys.DEFAULT_HEARTBEAT_INTERVAL, timeout = HauynaConfigKeys.DEFAULT_HEARTBEAT_TIMEOUT)
@ServerEndpoint(value = "/beat", configurator = HauynaConfigurator.class)
public class BeatEndpoint {

    // Hauyna registers the connection around these; idle connections need nothing more
    @OnOpen
    public void open(Session session) {
    }

    @OnMessage
    public void message(String text) {
    }

    @OnClose
    public void close(Session session) {
    }
}
