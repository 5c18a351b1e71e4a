package io.hauyna.tck.browser;

import io.hauyna.jakarta.Channels;
import io.hauyna.jakarta.Connection;
import io.hauyna.jakarta.Connections;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.CloseReason;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Added to the sample for the browser test: closes every connection as a restarting server would
 * (1012), or only those of {@code ?user=}; with {@code &publish=N&channel=}, waits until they are
 * gone and then publishes N messages to the channel as the server, which they miss.
 */
@WebServlet("/tck/drop-connections")
public class DropConnectionsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Connections connections;

    @Inject
    Channels channels;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("user");
        List<Connection> dropped = (user == null ? connections.identifiers().stream() : Stream.of(user))
                .flatMap(id -> connections.connectionsOf(id).stream()).toList();
        dropped.forEach(connection -> connection.close(new CloseReason(CloseReason.CloseCodes.SERVICE_RESTART, "Server restarting")));
        String report = "dropped " + dropped.size();
        String publish = request.getParameter("publish");
        if (publish != null && user != null) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!connections.connectionsOf(user).isEmpty() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            int count = Integer.parseInt(publish);
            for (int i = 1; i <= count; i++) {
                channels.publish(request.getParameter("channel"), Map.of("text", "missed " + i));
            }
            report += ", published " + count;
        }
        response.setContentType("text/plain");
        response.getWriter().write(report);
    }
}
