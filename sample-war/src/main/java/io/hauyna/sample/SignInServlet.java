package io.hauyna.sample;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Instant;

/**
 * {@code POST /sign-in} with {@code user=<name>} answers {@code {"user": ..., "token": ..., "expires_at": ...}}.
 *
 * <p>It stands in for your real login: it asks for no password, so anyone can be anyone in the
 * sample. What it shows is the other half: the page passes the signed token with the WebSocket
 * upgrade, and {@link SampleTokens} verifies it before the socket opens.
 */
@WebServlet("/sign-in")
public class SignInServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    SampleTokens tokens;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("user");
        if (!SampleTokens.isValidUser(user)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "user: 1 to 40 letters, digits, '_' or '-'");
            return;
        }
        Instant expiresAt = Instant.now().plus(SampleTokens.LIFETIME);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Json.createObjectBuilder()
                .add("user", user)
                .add("token", tokens.issue(user, expiresAt))
                .add("expires_at", expiresAt.toString())
                .build().toString());
    }
}
