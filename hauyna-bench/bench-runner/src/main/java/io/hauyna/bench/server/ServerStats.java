package io.hauyna.bench.server;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;

/**
 * What the bench WAR's {@code /stats} servlet reports from inside the server.
 *
 * @param pid       the server JVM's process id, to make sure the right process answers
 * @param heapUsed  heap in use, after two full collections when asked for
 * @param gcCount   collections since start
 * @param gcMillis  time spent collecting since start
 */
public record ServerStats(long pid, long heapUsed, long gcCount, long gcMillis, int connections, int channels, int groups,
                          int presences, int handWrittenSessions, int rawIdleSessions, boolean tyrus) {

    static ServerStats parse(String json) {
        JsonObject o = Json.createReader(new StringReader(json)).readObject();
        return new ServerStats(o.getJsonNumber("pid").longValue(), o.getJsonNumber("heapUsed").longValue(), o.getJsonNumber("gcCount").longValue(),
                o.getJsonNumber("gcMillis").longValue(), o.getInt("connections"), o.getInt("channels"), o.getInt("groups"),
                o.getInt("presences"), o.getInt("handWrittenSessions"), o.getInt("rawIdleSessions"), o.getBoolean("tyrus"));
    }

    /** @return {@code true} when no registry holds anything: every connection has gone */
    public boolean empty() {
        return connections == 0 && channels == 0 && groups == 0 && presences == 0 && handWrittenSessions == 0
                && rawIdleSessions == 0;
    }
}
