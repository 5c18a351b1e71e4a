package io.hauyna.jakarta;

import jakarta.websocket.Session;

/**
 * Turns an exception in application code into the typed error frame its client receives. An
 * {@code @ApplicationScoped} bean: {@code @Inject ErrorHandler errors}.
 *
 * <pre>{@code
 * @OnMessage
 * public void message(Session session, String text) {
 *     try {
 *         orders.place(text);
 *     } catch (RuntimeException e) {
 *         errors.handle(session, e);
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface ErrorHandler {

    /**
     * Sends {@code {"type":"error","error_type":T,"message":M}} to the session: a
     * {@link HauynaException} keeps its type and message; anything else becomes
     * {@link ErrorType#INTERNAL_ERROR} with a generic message, and the exception is logged with its
     * stack trace for the operator. Never sends a stack trace; never throws.
     *
     * @param session   the client to tell
     * @param throwable what went wrong
     * @return the error type that was sent
     */
    ErrorType handle(Session session, Throwable throwable);
}
