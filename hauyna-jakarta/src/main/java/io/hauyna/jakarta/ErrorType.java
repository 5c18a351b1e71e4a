package io.hauyna.jakarta;

/**
 * The kinds of error a client can receive, each with a stable wire name (the {@code error_type}
 * of an {@code error} frame or of a {@code reply} with status {@code error}). Listed with when
 * each is sent in {@code docs/PROTOCOL.md}.
 *
 * @since 0.1
 */
public enum ErrorType {

    /** The text is not JSON. */
    INVALID_JSON("invalid_json"),
    /** Valid JSON, but not an object, or a required field is missing or of the wrong type. */
    INVALID_MESSAGE("invalid_message"),
    /** The frame's {@code type} is not one the server knows. */
    UNKNOWN_TYPE("unknown_type"),
    /** A field has the right type but a value that is not allowed (e.g. a channel name with spaces). */
    VALIDATION_ERROR("validation_error"),
    /**
     * The connection is anonymous (or its credentials are no longer valid) and this needs a known
     * user, e.g. a direct message or a private channel: sign in and reconnect.
     */
    UNAUTHORIZED("unauthorized"),
    /**
     * The connection is known but may not do this: an authorizer refused, it is not a member, or
     * its group role lacks the permission (named in {@code details.permission}).
     */
    FORBIDDEN("forbidden"),
    /** The target does not exist (e.g. a direct message to a user who is not connected). */
    NOT_FOUND("not_found"),
    /** The connection sends faster than {@link HauynaConfigKeys#RATE_LIMIT_PER_SECOND}; the frame was discarded. */
    RATE_LIMITED("rate_limited"),
    /** The frame is larger than {@link HauynaConfigKeys#INBOUND_MAX_MESSAGE_BYTES}; it was discarded. */
    MESSAGE_TOO_LARGE("message_too_large"),
    /**
     * The connection reached one of the limits on what it may hold (subscriptions, metadata or
     * presence state size, channels in the application); {@code details} names the {@code limit},
     * its value ({@code max}) and the configuration {@code key}. Nothing was changed.
     *
     * @since 0.2
     */
    LIMIT_EXCEEDED("limit_exceeded"),
    /**
     * The cluster's shared history did not answer in time (a node of the grid failed or is frozen).
     * A subscribe was not made. A publish was not confirmed: it may still reach the channel, in its
     * turn, once the grid answers. Try again in a moment.
     *
     * @since 0.4
     */
    UNAVAILABLE("unavailable"),
    /** The server failed; the cause is logged for the operator, never sent. */
    INTERNAL_ERROR("internal_error");

    private final String wireName;

    ErrorType(String wireName) {
        this.wireName = wireName;
    }

    /** @return the name used on the wire, e.g. {@code invalid_json} */
    public String wireName() {
        return wireName;
    }
}
