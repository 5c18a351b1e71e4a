package io.hauyna.jakarta.internal.handshake;

import jakarta.websocket.CloseReason;

import java.nio.charset.StandardCharsets;

/** Registration refused; carries the close code and phrase the client gets. */
public final class ConnectionRefused extends SecurityException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_PHRASE_BYTES = 123;

    private final transient CloseReason reason;

    public ConnectionRefused(CloseReason reason) {
        super(reason.getReasonPhrase());
        this.reason = reason;
    }

    public CloseReason reason() {
        return reason;
    }

    /**
     * A close reason whose phrase fits the 123 bytes a close frame allows (longer ones make the
     * container throw instead of closing), cut at a character boundary.
     */
    public static CloseReason closeReason(CloseReason.CloseCode code, String phrase) {
        String fitted = phrase;
        while (fitted.getBytes(StandardCharsets.UTF_8).length > MAX_PHRASE_BYTES) {
            fitted = fitted.substring(0, fitted.offsetByCodePoints(fitted.length(), -1));
        }
        return new CloseReason(code, fitted);
    }
}
