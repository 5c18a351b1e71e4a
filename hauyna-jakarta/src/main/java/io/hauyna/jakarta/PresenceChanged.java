package io.hauyna.jakarta;

/**
 * Fired (as a synchronous CDI event) on every status transition of a user: offline to online when
 * the first entry appears, online to away after inactivity, away to online on activity, and to
 * offline when the last entry goes (e.g. the last tab closes).
 *
 * @param identifier the user
 * @param before     the status before
 * @param after      the status now
 * @since 0.1
 */
public record PresenceChanged(String identifier, PresenceStatus before, PresenceStatus after) {
}
