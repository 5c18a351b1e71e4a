package io.hauyna.jakarta;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one present user.
 *
 * @param identifier the user
 * @param status     {@link PresenceStatus#ONLINE} or {@link PresenceStatus#AWAY}
 * @param metas      one entry per connection (or server-side entry), each with its {@code ref}
 *                   (the connection id, or {@code server}) and the state attached to it; immutable
 * @param since      when the user became present
 * @since 0.1
 */
public record PresenceInfo(String identifier, PresenceStatus status, List<Map<String, Object>> metas, Instant since) {

    public PresenceInfo {
        metas = List.copyOf(metas);
    }
}
