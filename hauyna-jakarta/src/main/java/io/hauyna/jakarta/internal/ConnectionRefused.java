package io.hauyna.jakarta.internal;

import jakarta.websocket.CloseReason;

/** Registration refused; carries the close code and phrase the client gets. */
final class ConnectionRefused extends SecurityException {

    private static final long serialVersionUID = 1L;

    private final transient CloseReason reason;

    ConnectionRefused(CloseReason reason) {
        super(reason.getReasonPhrase());
        this.reason = reason;
    }

    CloseReason reason() {
        return reason;
    }
}
