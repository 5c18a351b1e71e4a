package io.hauyna.jakarta;

import java.time.Instant;

/**
 * Fired (as a synchronous CDI event) when a connection sent no frame and answered no ping for its
 * heartbeat timeout. Hauyna then closes it with {@link HauynaCloseCodes#HEARTBEAT_TIMEOUT} and
 * removes it from every registry at once, without waiting for the container to notice.
 *
 * @param connectionId the connection
 * @param identifier   who it belonged to
 * @param lastSeen     when the client was last heard from
 * @since 0.1
 */
public record HeartbeatTimedOut(String connectionId, String identifier, Instant lastSeen) {
}
