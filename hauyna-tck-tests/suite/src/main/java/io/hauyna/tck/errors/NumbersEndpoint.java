package io.hauyna.tck.errors;

import io.hauyna.jakarta.Connections;
import io.hauyna.jakarta.ErrorHandler;
import io.hauyna.jakarta.ErrorType;
import io.hauyna.jakarta.HauynaConfigurator;
import io.hauyna.jakarta.HauynaException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** A raw-text endpoint that doubles numbers and reports its failures through the {@link ErrorHandler}. */
@Dependent
@ServerEndpoint(value = "/numbers", configurator = HauynaConfigurator.class)
public class NumbersEndpoint {

    @Inject
    Connections connections;

    @Inject
    ErrorHandler errors;

    @OnOpen
    public void open(Session session) {
    }

    @OnMessage
    public void message(Session session, String text) {
        try {
            if (text.equals("boom")) {
                throw new IllegalStateException("endpoint bug (expected by the TCK)");
            }
            long number;
            try {
                number = Long.parseLong(text.trim());
            } catch (NumberFormatException notANumber) {
                throw new HauynaException(ErrorType.VALIDATION_ERROR, "Send a whole number, not '" + text + "'");
            }
            connections.connection(session).ifPresent(me -> me.send("double: " + 2 * number));
        } catch (RuntimeException failure) {
            errors.handle(session, failure);
        }
    }

    @OnClose
    public void close(Session session) {
    }
}
