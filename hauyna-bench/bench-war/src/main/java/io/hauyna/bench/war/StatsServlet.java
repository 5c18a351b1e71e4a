package io.hauyna.bench.war;

import io.hauyna.jakarta.Channels;
import io.hauyna.jakarta.Connections;
import io.hauyna.jakarta.Presence;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What the load generator cannot see from outside the server process: heap (after a forced full
 * collection with {@code ?gc=true}), collection counts and times, and how much each registry holds.
 * CPU time, RSS and threads are read from {@code /proc} by the runner instead.
 */
@WebServlet("/stats")
public class StatsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String TYRUS_SESSION = "org.glassfish.tyrus.core.TyrusSession";

    @Inject
    transient Connections connections;
    @Inject
    transient Channels channels;
    @Inject
    transient Presence presence;
    @Inject
    transient HandWritten handWritten;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Boolean.parseBoolean(request.getParameter("gc"))) {
            collectGarbage();
        }
        String perFrame = request.getParameter("perFrameCounting");
        if (perFrame != null) {
            countPerFrame(Boolean.parseBoolean(perFrame));
        }
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, collector.getCollectionCount());
            gcMillis += Math.max(0, collector.getCollectionTime());
        }
        response.setContentType("application/json");
        Json.createGenerator(response.getWriter()).writeStartObject()
                .write("pid", ProcessHandle.current().pid())
                .write("heapUsed", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed())
                .write("gcCount", gcCount)
                .write("gcMillis", gcMillis)
                .write("connections", connections.count())
                .write("channels", channels.channels().size())
                .write("groups", connections.groups().size())
                .write("presences", presence.count())
                .write("handWrittenSessions", handWritten.sessions())
                .write("rawIdleSessions", RawIdleEndpoint.SESSIONS.size())
                .write("tyrus", tyrusVisible())
                .writeEnd().close();
    }

    /** Switches Hauyna's per-frame metrics through this application's MXBean, as an operator would. */
    private static void countPerFrame(boolean on) {
        try {
            ManagementFactory.getPlatformMBeanServer().setAttribute(new ObjectName("io.hauyna:type=Hauyna,app=\"bench\""),
                    new Attribute("PerFrameCounting", on));
        } catch (JMException e) {
            throw new IllegalStateException("Cannot switch Hauyna's per-frame metrics", e);
        }
    }

    /** Two full collections and a pause: what is left is what the server really keeps. */
    private static void collectGarbage() {
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean tyrusVisible() {
        try {
            Class.forName(TYRUS_SESSION, false, getClass().getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
