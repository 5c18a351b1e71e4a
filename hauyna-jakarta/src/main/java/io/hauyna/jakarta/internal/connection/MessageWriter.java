package io.hauyna.jakarta.internal.connection;

import io.hauyna.jakarta.internal.config.HauynaSettings;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

/**
 * How an outbound queue puts one message on one client's socket. The handler hears the outcome
 * exactly once, on this thread or later on the container's; a session already closed may instead
 * throw at once.
 */
interface MessageWriter {

    void write(EncodedMessage message, SendHandler handler);

    /**
     * @param settings which server-specific paths are switched on ({@code hauyna.outbound.tyrus-raw-frames},
     *                 {@code hauyna.outbound.undertow-encoded-text})
     * @return the server's own path where the session allows it, otherwise the portable one
     */
    static MessageWriter forSession(Session session, HauynaSettings settings) {
        MessageWriter portable = (message, handler) -> session.getAsyncRemote().sendText(message.text(), handler);
        MessageWriter own = null;
        if (settings.tyrusRawFrames()) {
            own = TyrusRawFrames.writerFor(session, portable);
        }
        if (own == null && settings.undertowEncodedText()) {
            own = UndertowText.writerFor(session);
        }
        return own != null ? own : portable;
    }
}
