package io.hauyna.jakarta.spi;

/**
 * Handshake middleware: runs before a WebSocket upgrade is accepted and may refuse it with a real
 * HTTP status, or attach data to the connection. Implement it as a CDI bean (e.g.
 * {@code @ApplicationScoped}); Hauyna finds every filter bean by itself.
 *
 * <pre>{@code
 * @ApplicationScoped
 * @Priority(100)
 * @ForRoutes("/admin/*")
 * public class StaffNetworkOnly implements HandshakeFilter {
 *     public HandshakeDecision filter(HandshakeContext context) {
 *         return context.remoteAddress().filter(a -> a.startsWith("10.")).isPresent()
 *                 ? HandshakeDecision.proceed()
 *                 : HandshakeDecision.reject(403, "Staff network only");
 *     }
 * }
 * }</pre>
 *
 * <p>Order: filters run in ascending {@code @jakarta.annotation.Priority} (none counts as
 * {@link #APPLICATION}), after Hauyna's origin check and before identification, so a filter sees
 * the principal the container authenticated but not yet the Hauyna identifier. The first
 * rejection wins and later filters do not run. {@link ForRoutes} limits a filter to some routes.
 *
 * <p>Where it runs: on a servlet container (every supported server) Hauyna's servlet filter runs
 * the chain before the container upgrades the request, so a rejected client gets the HTTP status
 * and the WebSocket never opens; nothing is registered. Where no servlet filter sees the upgrade
 * (a standalone Tyrus server, a {@code metadata-complete} WAR that does not declare it, or a
 * request the servlet filter could not match to the route the container then chose), the chain
 * runs in {@code HauynaConfigurator} instead, without the remote address, and a rejected
 * connection is closed at once with 1008 (Policy Violation), before the endpoint sees it. The
 * chain also runs for a handshake check (a plain GET with {@code X-Hauyna-Handshake-Check: 1},
 * which browser clients send after a failed upgrade to learn its status), so a filter that counts
 * attempts sees those too.
 *
 * <p>A filter is called on the container's request thread, once per upgrade; it must be
 * thread-safe and should not block for long. An exception from a filter refuses the upgrade with
 * 500 and is logged.
 *
 * @since 0.1
 */
public interface HandshakeFilter {

    /** The priority of application filters that do not declare one. */
    int APPLICATION = 1000;

    /**
     * @param context the upgrade request; attach data to the future connection through it
     * @return {@link HandshakeDecision#proceed()} or a rejection; never {@code null}
     */
    HandshakeDecision filter(HandshakeContext context);
}
