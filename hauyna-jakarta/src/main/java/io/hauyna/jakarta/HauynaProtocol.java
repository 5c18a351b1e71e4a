package io.hauyna.jakarta;

import jakarta.websocket.Session;

/**
 * Handles the Hauyna wire protocol ({@code docs/PROTOCOL.md}) for an endpoint that wants it:
 * channels, direct and group messages, pings, replies and typed errors. Opt in per endpoint by
 * passing text frames to it; an endpoint that does not keeps raw text.
 *
 * <pre>{@code
 * @Inject HauynaProtocol protocol;
 *
 * @OnMessage
 * public void message(Session session, String text) {
 *     protocol.handle(session, text);
 * }
 * }</pre>
 *
 * <p>The sender of every frame is the connection's identifier, whatever the frame claims. A bad
 * frame is answered with a typed error and changes nothing; the connection stays open. An
 * {@code @ApplicationScoped} bean, thread-safe.
 *
 * @since 0.1
 */
public interface HauynaProtocol {

    /**
     * Handles one text frame from a registered connection. Never throws for bad input: the client
     * is told what was wrong. A frame from a session that is not registered is ignored.
     *
     * @param session the session the frame arrived on
     * @param text    the frame
     */
    void handle(Session session, String text);
}
