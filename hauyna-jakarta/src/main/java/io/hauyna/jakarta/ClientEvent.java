package io.hauyna.jakarta;

import jakarta.json.JsonValue;

import java.util.Optional;

/**
 * A custom event, sent by a client ({@code {"type":"event","event":NAME,"data":...}}) or triggered
 * on the server with {@link Events#trigger}, delivered to CDI observers qualified with
 * {@link HauynaEvent}.
 *
 * <p>Synchronous observers run in {@code @Priority} order (lowest first) on the thread that received
 * the frame; one may {@link #stopPropagation()} so that the rest do not run. Asynchronous observers
 * ({@code @ObservesAsync}) run afterwards, unless propagation was stopped. The client that sent an
 * event with a {@code ref} gets exactly one reply: the first {@link #reply} or {@link #fail}, else
 * a plain {@code ok} once every observer has run. An exception from an observer becomes an
 * {@code internal_error} for the client and a log line for the operator.
 *
 * @since 0.1
 */
public interface ClientEvent {

    /** @return the event name */
    String name();

    /** @return the event's data as sent; {@link JsonValue#NULL} when it had none */
    JsonValue data();

    /**
     * Binds the data to a type with JSON-B and, when the server has Bean Validation, validates its
     * constraints ({@code @NotBlank}, {@code @Size}, ...).
     *
     * @param type the class to bind the data to
     * @return the data as that type; never {@code null}
     * @throws HauynaException {@code VALIDATION_ERROR} when the data is missing or {@code null}
     *                         (since 0.2), does not fit the type, or breaks
     *                         a constraint; its details name each violated field. Let it propagate
     *                         from the observer and the client receives exactly that.
     */
    <T> T dataAs(Class<T> type);

    /** @return who the event is from */
    String identifier();

    /** @return the connection it came from; empty when triggered on the server for an identifier */
    Optional<Connection> connection();

    /**
     * Answers the sender with {@code {"type":"reply","ref":R,"status":"ok","data":...}}. Only the
     * first reply or failure counts; without a {@code ref} nothing is sent.
     *
     * @param data any object JSON-B can encode, or {@code null} for none
     */
    void reply(Object data);

    /**
     * Refuses the event with a typed error and stops propagation.
     *
     * @param type    e.g. {@link ErrorType#VALIDATION_ERROR} or {@link ErrorType#FORBIDDEN}
     * @param message what the client should change
     */
    void fail(ErrorType type, String message);

    /** Lower-priority synchronous observers and all asynchronous observers will not run. */
    void stopPropagation();

    /** @return {@code true} after {@link #stopPropagation()} or {@link #fail} */
    boolean propagationStopped();
}
