package io.hauyna.jakarta.internal;

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
     * @param rawFrames whether Tyrus's raw-frame path may be used ({@code hauyna.outbound.tyrus-raw-frames})
     * @return the raw-frame writer where the session allows it, otherwise the portable one
     */
    static MessageWriter forSession(Session session, boolean rawFrames) {
        MessageWriter portable = (message, handler) -> session.getAsyncRemote().sendText(message.text(), handler);
        if (rawFrames) {
            MessageWriter raw = TyrusRawFrames.writerFor(session, portable);
            if (raw != null) {
                return raw;
            }
        }
        return portable;
    }
}
