package io.hauyna.jakarta.internal.protocol;

import io.hauyna.jakarta.ErrorType;

/** A frame the client must be told about; carries the error type and an instructive message. */
final class ProtocolError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorType type;

    ProtocolError(ErrorType type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    ErrorType type() {
        return type;
    }
}
