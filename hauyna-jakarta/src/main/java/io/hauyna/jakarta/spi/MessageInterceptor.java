package io.hauyna.jakarta.spi;

import io.hauyna.jakarta.Connection;
import jakarta.json.JsonObject;

/**
 * Runs around every inbound protocol frame (see {@link io.hauyna.jakarta.HauynaProtocol}) after
 * it parsed as a JSON object and passed the rate and size limits, before Hauyna acts on it: for
 * logging, extra authorization checks, or enrichment. Implement it as a CDI bean; Hauyna finds
 * every interceptor bean by itself.
 *
 * <pre>{@code
 * @ApplicationScoped
 * @ForRoutes("/chat/{room}")
 * public class NoLinksFromGuests implements MessageInterceptor {
 *     public JsonObject intercept(Connection connection, JsonObject frame) {
 *         if (connection.anonymous() && frame.toString().contains("http")) {
 *             throw new HauynaException(ErrorType.UNAUTHORIZED, "Sign in to post links");
 *         }
 *         return frame;
 *     }
 * }
 * }</pre>
 *
 * <p>Interceptors run in ascending {@code @jakarta.annotation.Priority} (none counts as
 * {@link #APPLICATION}); each receives the previous one's result. {@link ForRoutes} limits an
 * interceptor to connections opened on some routes. Throwing a
 * {@link io.hauyna.jakarta.HauynaException} rejects the frame with that error type (the client
 * gets one error reply, and later interceptors do not run); any other exception rejects it with
 * {@code internal_error} and is logged. Whatever an interceptor returns, the sender of a message
 * is always the connection's identifier.
 *
 * <p>Called on the thread that delivered the frame, once per frame; must be thread-safe and fast.
 *
 * @since 0.1
 */
public interface MessageInterceptor {

    /** The priority of application interceptors that do not declare one. */
    int APPLICATION = 1000;

    /**
     * @param connection the sender
     * @param frame      the frame as received, or as the previous interceptor returned it
     * @return the frame to handle: {@code frame} itself, or a replacement; never {@code null}
     */
    JsonObject intercept(Connection connection, JsonObject frame);
}
