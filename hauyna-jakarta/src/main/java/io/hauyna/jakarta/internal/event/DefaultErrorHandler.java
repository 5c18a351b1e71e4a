package io.hauyna.jakarta.internal.event;

import io.hauyna.jakarta.ErrorHandler;
import io.hauyna.jakarta.ErrorType;
import io.hauyna.jakarta.HauynaException;
import io.hauyna.jakarta.internal.FailureLog;
import io.hauyna.jakarta.internal.connection.ConnectionRegistry;
import io.hauyna.jakarta.internal.connection.EncodedMessage;
import io.hauyna.jakarta.internal.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@link ErrorHandler} bean: typed errors go to the client, everything else to the log. */
@ApplicationScoped
public class DefaultErrorHandler implements ErrorHandler {

    private static final Logger LOG = Logger.getLogger(DefaultErrorHandler.class.getName());
    static final String INTERNAL_MESSAGE = "The server failed to handle this; the cause is in its log";

    @Inject
    ConnectionRegistry connections;

    @Inject
    FailureLog failures;

    @Override
    public ErrorType handle(Session session, Throwable throwable) {
        ErrorType type;
        String message;
        Map<String, Object> details = Map.of();
        if (throwable instanceof HauynaException typed) {
            type = typed.errorType();
            message = typed.getMessage();
            details = typed.details();
        } else {
            failures.log("Unexpected error for session " + session.getId(), throwable);
            type = ErrorType.INTERNAL_ERROR;
            message = INTERNAL_MESSAGE;
        }
        String frame = Frames.error(type, message, null, details);
        connections.live(session).ifPresentOrElse(
                connection -> connection.offer(EncodedMessage.of(frame)),
                () -> session.getAsyncRemote().sendText(frame));
        return type;
    }
}
