package io.hauyna.jakarta;

import jakarta.websocket.Session;

/**
 * Custom events from the server side. An {@code @ApplicationScoped} bean: {@code @Inject Events events}.
 *
 * @since 0.1
 */
public interface Events {

    /**
     * Delivers an event to the {@link HauynaEvent} observers as if the session's client had sent it
     * (without a ref, so replies go nowhere).
     *
     * @param name    the event name
     * @param session a registered session
     * @param data    any object JSON-B can encode, or {@code null}
     * @return {@code true} if at least one observer handles that name
     */
    boolean trigger(String name, Session session, Object data);

    /**
     * Delivers an event to the observers on behalf of an identifier, without a connection.
     *
     * @return {@code true} if at least one observer handles that name
     */
    boolean trigger(String name, String identifier, Object data);

    /**
     * Sends {@code {"type":"event","event":NAME,"data":...}} to every connection of a user.
     *
     * @return how many connections accepted it
     */
    int push(String identifier, String name, Object data);

    /** Sends an event frame to every subscriber of a channel; returns how many accepted it. */
    int pushToChannel(String channel, String name, Object data);

    /** Sends an event frame to every connection of every member of a group; returns how many accepted it. */
    int pushToGroup(String group, String name, Object data);
}
