package io.hauyna.tck.history;

import io.hauyna.jakarta.Channels;
import io.hauyna.jakarta.HistoryMessage;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/**
 * The server API of histories, for {@link HistoryIT}: {@code GET ?channel=&limit=} answers
 * {@link Channels#history} as a JSON array; {@code POST ?channel=&text=} publishes as the server.
 */
@WebServlet("/tck/history")
public class HistoryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Channels channels;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonArrayBuilder kept = Json.createArrayBuilder();
        for (HistoryMessage message : channels.history(request.getParameter("channel"), Integer.parseInt(request.getParameter("limit")))) {
            kept.add(Json.createObjectBuilder().add("offset", message.offset()).add("epoch", message.epoch())
                    .add("from", message.from()).add("message", message.message()));
        }
        response.setContentType("application/json");
        response.getWriter().write(kept.build().toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int accepted = channels.publish(request.getParameter("channel"), Map.of("text", request.getParameter("text")));
        response.setContentType("text/plain");
        response.getWriter().write(Integer.toString(accepted));
    }
}
