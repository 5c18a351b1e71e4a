package io.hauyna.sample;

import io.hauyna.jakarta.Channels;
import io.hauyna.jakarta.Connection;
import io.hauyna.jakarta.Connections;
import io.hauyna.jakarta.HauynaConfigurator;
import io.hauyna.jakarta.HauynaProtocol;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The chat: speaks the Hauyna protocol (rooms are channels {@code room:<name>} with presence), and
 * subscribes every connection to its user's private {@code notifications:<id>} channel and to the
 * {@code announcements} group, as {@code admin} or read-only {@code member}.
 */
@Dependent
@ServerEndpoint(value = "/chat", configurator = HauynaConfigurator.class)
public class ChatEndpoint {

    /** The group every user is in; admins post to it with {@code group_message}. */
    static final String ANNOUNCEMENTS = "announcements";

    /** Who is an admin: the {@code sample.admins} system property, comma-separated; alice by default. */
    static final Set<String> ADMINS = Arrays.stream(System.getProperty("sample.admins", "alice").split(","))
            .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());

    @Inject
    HauynaProtocol protocol;

    @Inject
    Connections connections;

    @Inject
    Channels channels;

    @OnOpen
    public void open(Session session) throws IOException {
        Connection me = connections.connection(session).orElseThrow();
        try {
            channels.subscribe(Notifications.channelOf(me.identifier()), session, Map.of());
            // Everyone reads announcements; only admins may post them (members have no permissions, see the config).
            connections.addToGroup(me.identifier(), ANNOUNCEMENTS, ADMINS.contains(me.identifier()) ? "admin" : Connections.DEFAULT_ROLE);
        } catch (IllegalStateException full) {
            // hauyna.limits.channels reached (see the config): hauyna.js comes back later by itself.
            session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "Server full: try again later"));
        }
    }

    @OnMessage
    public void message(Session session, String text) {
        protocol.handle(session, text);
    }

    @OnClose
    public void close(Session session) {
        // Hauyna leaves every channel and updates presence after this returns.
    }
}
