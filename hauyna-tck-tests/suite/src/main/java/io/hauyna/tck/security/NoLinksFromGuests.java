package io.hauyna.tck.security;

import io.hauyna.jakarta.Connection;
import io.hauyna.jakarta.ErrorType;
import io.hauyna.jakarta.HauynaException;
import io.hauyna.jakarta.spi.ForRoutes;
import io.hauyna.jakarta.spi.MessageInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/** A message interceptor: guests (identifiers starting with "guest") may not post links. */
@ApplicationScoped
@ForRoutes("/protocol")
public class NoLinksFromGuests implements MessageInterceptor {

    @Override
    public JsonObject intercept(Connection connection, JsonObject frame) {
        if (connection.identifier().startsWith("guest") && frame.toString().contains("https://")) {
            throw new HauynaException(ErrorType.UNAUTHORIZED, "Guests cannot post links: sign in");
        }
        return frame;
    }
}
