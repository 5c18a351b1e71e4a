package io.hauyna.jakarta;

/**
 * Fired (as a synchronous CDI event) when {@link HauynaProtocol} refuses a client frame and sends
 * it an error: malformed frames, unknown types, failed validation, refused authorization, unknown
 * targets and internal errors. For monitoring; an exception from an observer is logged.
 *
 * @param connectionId the sender's connection
 * @param identifier   the sender
 * @param errorType    the error the client received
 * @param message      the message the client received
 * @since 0.1
 */
public record MessageRejected(String connectionId, String identifier, ErrorType errorType, String message) {
}
