package io.hauyna.tck.browser;

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

/** Added to the sample for the browser test: closes every connection as a restarting server would (1012). */
@WebServlet("/tck/drop-connections")
public class DropConnectionsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Connections connections;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Connection> all = connections.identifiers().stream().flatMap(id -> connections.connectionsOf(id).stream()).toList();
        all.forEach(connection -> connection.close(new CloseReason(CloseReason.CloseCodes.SERVICE_RESTART, "Server restarting")));
        response.setContentType("text/plain");
        response.getWriter().write("dropped " + all.size());
    }
}
