package io.hauyna.jakarta;

import java.util.Locale;

/**
 * Where a user stands. A user is {@link #ONLINE} while any of their presence entries exists and
 * they have been active within {@link HauynaConfigKeys#PRESENCE_AWAY_AFTER}, {@link #AWAY} after
 * that until they are active again, and {@link #OFFLINE} once their last entry is gone.
 *
 * @since 0.1
 */
public enum PresenceStatus {
    ONLINE, AWAY, OFFLINE;

    /** @return the name used on the wire: {@code online}, {@code away} or {@code offline} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
