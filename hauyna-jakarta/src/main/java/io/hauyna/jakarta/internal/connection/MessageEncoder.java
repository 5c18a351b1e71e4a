package io.hauyna.jakarta.internal.connection;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

import java.util.Objects;

/** Turns an application's message into the text sent on the wire: a {@code String} as it is, anything else as JSON-B. */
@ApplicationScoped
public class MessageEncoder {

    private Jsonb jsonb;

    @PostConstruct
    void createJsonb() {
        jsonb = JsonbBuilder.create();
    }

    @PreDestroy
    void closeJsonb() {
        try {
            jsonb.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not close JSON-B", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the JSON does not fit the type, saying so
     */
    public <T> T decode(String json, Class<T> type) {
        try {
            return jsonb.fromJson(json, type);
        } catch (RuntimeException e) {
            // JsonbException, or what a JSON-B implementation lets through for odd client data (numbers out of range...).
            throw new IllegalArgumentException("Cannot read the event data as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the message as a JSON value, a {@code String} as a JSON string
     * @throws IllegalArgumentException when JSON-B cannot encode the message, naming its type
     */
    public String toJson(Object message) {
        Objects.requireNonNull(message, "message must not be null: send an object JSON-B can encode");
        return json(message, "");
    }

    private String json(Object message, String hint) {
        try {
            return jsonb.toJson(message);
        } catch (JsonbException e) {
            throw new IllegalArgumentException("Cannot encode a " + message.getClass().getName()
                    + " as JSON: give it public getters or fields JSON-B can read" + hint, e);
        }
    }

    /**
     * @throws IllegalArgumentException when JSON-B cannot encode the message, naming its type
     */
    public EncodedMessage encode(Object message) {
        Objects.requireNonNull(message, "message must not be null: send a String or an object JSON-B can encode");
        if (message instanceof String text) {
            return EncodedMessage.of(text);
        }
        return EncodedMessage.of(json(message, ", or send a String"));
    }
}
