package io.hauyna.jakarta.internal.console;

import io.hauyna.jakarta.internal.config.HauynaSettings;
import io.hauyna.jakarta.internal.handshake.HandshakeServletFilter;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Guards everything under {@code /hauyna/console/}: the page's files, which every container
 * serves from the jar's {@code META-INF/resources} whatever Hauyna says, and the upgrade to its
 * feed. Answers 404 while the console is off, 403 to clients that are neither on this machine nor
 * signed in with {@code hauyna.console.role}, and lets the others through. Declared in the jar's
 * {@code web-fragment.xml} before the handshake filter, so an upgrade meets this check first.
 */
public class ConsoleFilter implements Filter {

    @Inject
    HauynaSettings settings;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> refusal = refusal(http);
        if (refusal.isPresent()) {
            int status = settings.consoleEnabled() ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_NOT_FOUND;
            httpResponse.setStatus(status);
            httpResponse.setContentType("text/plain;charset=UTF-8");
            byte[] body = (refusal.get() + "\n").getBytes(StandardCharsets.UTF_8);
            httpResponse.setContentLength(body.length);
            httpResponse.getOutputStream().write(body);
            return;
        }
        // Read-only pages of live data: never cached, never framed, scripts from this origin only.
        httpResponse.setHeader("Cache-Control", "no-store");
        httpResponse.setHeader("X-Content-Type-Options", "nosniff");
        httpResponse.setHeader("Content-Security-Policy",
                "default-src 'self'; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        chain.doFilter(request, response);
    }

    /** @return why the request may not see the console; empty when it may */
    private Optional<String> refusal(HttpServletRequest request) {
        if (!settings.consoleEnabled()) {
            return Optional.of("Not found");
        }
        if (settings.clientAddresses().isOnThisMachine(request.getRemoteAddr(),
                HandshakeServletFilter.handshakeOf(request, HauynaSettings.CONSOLE_ROUTE))) {
            return Optional.empty();
        }
        Optional<String> role = settings.consoleRole();
        if (role.isPresent() && request.isUserInRole(role.get())) {
            return Optional.empty();
        }
        // The role's name stays unsaid: a stranger learns nothing about the application's users.
        return Optional.of("The Hauyna console is not open to this client");
    }
}
