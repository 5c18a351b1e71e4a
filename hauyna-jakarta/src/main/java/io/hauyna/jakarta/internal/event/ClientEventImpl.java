package io.hauyna.jakarta.internal.event;

import io.hauyna.jakarta.ClientEvent;
import io.hauyna.jakarta.Connection;
import io.hauyna.jakarta.ErrorType;
import io.hauyna.jakarta.HauynaException;
import io.hauyna.jakarta.internal.connection.EncodedMessage;
import io.hauyna.jakarta.internal.connection.LiveConnection;
import io.hauyna.jakarta.internal.connection.MessageEncoder;
import io.hauyna.jakarta.internal.protocol.Frames;
import io.hauyna.jakarta.internal.protocol.PayloadValidation;
import jakarta.json.JsonValue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** One delivery of a custom event; answers its sender at most once. */
final class ClientEventImpl implements ClientEvent {

    private final String name;
    private final JsonValue data;
    private final String identifier;
    private final LiveConnection connection;
    private final JsonValue ref;
    private final MessageEncoder encoder;
    private final PayloadValidation validation;
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile boolean stopped;

    ClientEventImpl(String name, JsonValue data, String identifier, LiveConnection connection, JsonValue ref,
                    MessageEncoder encoder, PayloadValidation validation) {
        this.validation = validation;
        this.name = name;
        this.data = data;
        this.identifier = identifier;
        this.connection = connection;
        this.ref = ref;
        this.encoder = encoder;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public JsonValue data() {
        return data;
    }

    @Override
    public <T> T dataAs(Class<T> type) {
        if (data == null || data.getValueType() == JsonValue.ValueType.NULL) {
            // Never null for the observer: a client that leaves the data out must not make it fail with a NullPointerException.
            throw new HauynaException(ErrorType.VALIDATION_ERROR, "The event has no data: send " + type.getSimpleName() + " as 'data'");
        }
        T bound;
        try {
            bound = encoder.decode(data.toString(), type);
        } catch (IllegalArgumentException doesNotFit) {
            throw new HauynaException(ErrorType.VALIDATION_ERROR, "The event data does not fit " + type.getSimpleName());
        }
        if (bound == null) {
            throw new HauynaException(ErrorType.VALIDATION_ERROR, "The event data does not fit " + type.getSimpleName());
        }
        return validation.validate(bound);
    }

    @Override
    public String identifier() {
        return identifier;
    }

    @Override
    public Optional<Connection> connection() {
        return Optional.ofNullable(connection);
    }

    @Override
    public void reply(Object replyData) {
        if (answered.compareAndSet(false, true) && ref != null && connection != null) {
            String encoded = replyData == null ? null : encoder.encode(replyData).text();
            connection.offer(EncodedMessage.of(Frames.ok(ref, encoded)));
        }
    }

    @Override
    public void fail(ErrorType type, String message) {
        fail(new HauynaException(type, message));
    }

    void fail(HauynaException error) {
        stopped = true;
        if (answered.compareAndSet(false, true) && connection != null) {
            connection.offer(EncodedMessage.of(Frames.error(error.errorType(), error.getMessage(), ref, error.details())));
        }
    }

    @Override
    public void stopPropagation() {
        stopped = true;
    }

    @Override
    public boolean propagationStopped() {
        return stopped;
    }

    /** Sends the plain ok if nobody answered. */
    void finish() {
        reply(null);
    }

    @Override
    public String toString() {
        return "ClientEvent[" + name + " from " + identifier + "]";
    }
}
