package io.hauyna.jakarta.internal.handshake;

import io.hauyna.jakarta.Handshake;
import io.hauyna.jakarta.internal.config.HauynaSettings;
import io.hauyna.jakarta.internal.connection.GracefulShutdown;
import io.hauyna.jakarta.internal.connection.GrizzlyWriteQueue;
import io.hauyna.jakarta.internal.route.KnownRoutes;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the {@link HandshakeGate} on WebSocket upgrades to Hauyna routes before the container
 * upgrades them, because only here can a refusal be a real HTTP status (the WebSocket API has no
 * way to set one). Declared in the jar's {@code META-INF/web-fragment.xml}; every other request
 * passes untouched.
 */
public class HandshakeServletFilter implements Filter {

    /** The request header of the handshake check (docs/PROTOCOL.md, "Handshake"). */
    static final String CHECK_HEADER = "X-Hauyna-Handshake-Check";

    @Inject
    HandshakeGate gate;

    @Inject
    KnownRoutes routes;

    @Inject
    HauynaSettings settings;

    @Inject
    GracefulShutdown shutdown;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)
                || !(isUpgrade(http) || isCheck(http))) {
            chain.doFilter(request, response);
            return;
        }
        String pathInApp = http.getRequestURI().substring(http.getContextPath().length());
        Optional<String> route = routes.routeFor(pathInApp);
        if (route.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Handshake handshake = handshakeOf(http, route.get());
        HandshakeOutcome outcome = gate.decide(handshake, http.getRemoteAddr(), !isUpgrade(http));
        if (outcome.isRefused()) {
            refuse(httpResponse, outcome);
            return;
        }
        if (!isUpgrade(http)) {
            // The handshake check: this upgrade would be accepted.
            httpResponse.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        GrizzlyWriteQueue.limit(http, settings.containerBufferBytes());
        HandshakeGate.upgrading(outcome);
        try {
            chain.doFilter(request, response);
        } finally {
            HandshakeGate.upgradeDone();
        }
    }

    /** {@code Upgrade} is a list of protocols: {@code websocket, foo} is an upgrade too. */
    private static boolean isUpgrade(HttpServletRequest request) {
        for (String upgrade : Collections.list(request.getHeaders("Upgrade"))) {
            for (String protocol : upgrade.split(",")) {
                if (protocol.trim().toLowerCase(java.util.Locale.ROOT).startsWith("websocket")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A browser reports every refused upgrade as close code 1006, without the status. A client
     * that wants to know why (to stop reconnecting after 401 or 403) repeats the request as a
     * plain GET with this header and gets the status the upgrade would get, or 204.
     */
    private static boolean isCheck(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && "1".equals(request.getHeader(CHECK_HEADER));
    }

    private void refuse(HttpServletResponse response, HandshakeOutcome outcome) throws IOException {
        response.setStatus(outcome.status());
        if (outcome.status() == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"hauyna\"");
        }
        if (outcome.status() == 503) {
            response.setHeader("Retry-After", Long.toString(shutdown.retryAfterSeconds()));
        }
        response.setContentType("text/plain;charset=UTF-8");
        byte[] body = (outcome.reason() + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * @param request an HTTP request
     * @param route   the template of the route it is for
     * @return the request as a {@link Handshake}: its absolute URI (so that the origin check knows
     *         whether it came over TLS), every header, and the principal
     */
    public static Handshake handshakeOf(HttpServletRequest request, String route) {
        String query = request.getQueryString();
        return Handshake.of(route, URI.create(request.getRequestURL() + (query == null ? "" : "?" + query)),
                headersOf(request), request.getUserPrincipal());
    }

    private static Map<String, List<String>> headersOf(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }
}
