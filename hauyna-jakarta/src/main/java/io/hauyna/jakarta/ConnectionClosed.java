package io.hauyna.jakarta;

/**
 * Fired (as a synchronous CDI event) once per connection, after it has been removed from every
 * registry. An exception from an observer is logged.
 *
 * @param connectionId the connection's id
 * @param identifier   who it belonged to
 * @param closeCode    the close code the container reported to the endpoint's {@code @OnClose},
 *                     else the one Hauyna closed the connection with (since 0.3), else 1005
 *                     ("no status": the method did not take the {@code CloseReason}, or the
 *                     session was found closed after another method)
 * @param reason       the close reason phrase; empty when none
 * @since 0.1
 */
public record ConnectionClosed(String connectionId, String identifier, int closeCode, String reason) {

    /** The close code reported when none was seen. */
    public static final int NO_STATUS = 1005;
}
