package io.hauyna.jakarta.internal.connection;

import java.util.Set;

/**
 * Whom a message is for, as the application or a client named them, before they are looked up
 * among the connections. A fan-out keeps its target rather than a list of recipients, so that the
 * same target can be resolved wherever the recipients are connected.
 */
public sealed interface Target {

    /** @return the id of the one connection to leave out (the publisher's), or {@code null} for none */
    default String exceptConnectionId() {
        return null;
    }

    /** Every open connection. */
    record Everyone() implements Target {
    }

    /** The subscribers of a channel. */
    record Channel(String name, String exceptConnectionId) implements Target {
    }

    /** Every connection of these identifiers; an identifier named twice counts once. */
    record Identifiers(Set<String> identifiers) implements Target {
        public Identifiers {
            identifiers = Set.copyOf(identifiers);
        }
    }

    /** The connections of a group's members: of one role, or of every member when {@code role} is {@code null}. */
    record Group(String name, String role, String exceptConnectionId) implements Target {
    }
}
