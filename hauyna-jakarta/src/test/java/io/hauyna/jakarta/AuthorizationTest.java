package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Private channels by identifier and by route, anti-spoofing, and what anonymous connections may not do. */
class AuthorizationTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class, RoomEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.CHANNELS_PRIVATE, "notifications:{id}, room:{room}:typing");

    @Dependent
    @ServerEndpoint(value = "/rooms/{room}", configurator = HauynaConfigurator.class)
    public static class RoomEndpoint {
        @Inject
        HauynaProtocol protocol;

        @OnOpen
        public void open(Session session) {
        }

        @OnMessage
        public void message(Session session, String text) {
            protocol.handle(session, text);
        }

        @OnClose
        public void close(Session session) {
        }
    }

    private static String subscribe(TestClient client, String channel) {
        client.send("{\"type\":\"subscribe_channel\",\"channel\":\"" + channel + "\",\"ref\":\"j\"}");
        return client.next();
    }

    private static final String OK = "{\"type\":\"reply\",\"ref\":\"j\",\"status\":\"ok\"}";

    @Test
    void aUserJoinsTheirOwnNotificationsButNotSomeoneElses() {
        try (TestClient alice = ProtocolEndpoint.connectAs(server, "alice")) {
            assertThat(subscribe(alice, "notifications:alice")).isEqualTo(OK);
            assertThat(subscribe(alice, "notifications:bob")).isEqualTo("{\"type\":\"reply\",\"ref\":\"j\",\"status\":\"error\","
                    + "\"error_type\":\"forbidden\",\"message\":\"Channel 'notifications:bob' is private (notifications:{id}): only its owner may use it\"}");
            alice.send("{\"type\":\"channel_message\",\"channel\":\"notifications:bob\",\"message\":\"hi\",\"ref\":\"p\"}");
            assertThat(alice.next()).contains("\"error_type\":\"forbidden\"");
        }
    }

    @Test
    void anAnonymousConnectionIsToldToSignIn() {
        try (TestClient stranger = TestClient.connect(server.uri("/protocol"))) {
            assertThat(subscribe(stranger, "notifications:bob")).contains("\"error_type\":\"unauthorized\"").contains("sign in first");
            stranger.send("{\"type\":\"direct_message\",\"to\":\"bob\",\"message\":\"hi\",\"ref\":\"d\"}");
            assertThat(stranger.next()).isEqualTo("{\"type\":\"reply\",\"ref\":\"d\",\"status\":\"error\",\"error_type\":\"unauthorized\","
                    + "\"message\":\"Anonymous connections cannot send direct messages: sign in and reconnect\"}");
        }
    }

    @Test
    void aRouteBoundChannelIsOnlyForConnectionsOfThatRoute() {
        try (TestClient inLobby = TestClient.connect(server.uri("/rooms/lobby?user_id=carol"))) {
            assertThat(subscribe(inLobby, "room:lobby:typing")).isEqualTo(OK);
            assertThat(subscribe(inLobby, "room:attic:typing")).contains("\"error_type\":\"forbidden\"")
                    .contains("open it from its own route");
            assertThat(subscribe(inLobby, "room:attic")).as("only the :typing channels are private").isEqualTo(OK);
        }
    }

    @Test
    void aClientThatClaimsAnotherSenderIsStillSeenAsItself() {
        try (TestClient mallory = ProtocolEndpoint.connectAs(server, "mallory");
             TestClient dave = ProtocolEndpoint.connectAs(server, "dave")) {
            ProtocolEndpoint.join(dave, "general", "{}");
            ProtocolEndpoint.join(mallory, "general", "{}");
            mallory.send("{\"type\":\"channel_message\",\"channel\":\"general\",\"from\":\"dave\",\"sender\":\"dave\",\"message\":\"I am dave\"}");
            assertThat(dave.next()).isEqualTo("{\"type\":\"channel_message\",\"channel\":\"general\",\"from\":\"mallory\",\"message\":\"I am dave\"}");

            mallory.send("{\"type\":\"direct_message\",\"to\":\"dave\",\"from\":\"admin\",\"message\":\"trust me\"}");
            assertThat(dave.next()).isEqualTo("{\"type\":\"direct_message\",\"from\":\"mallory\",\"message\":\"trust me\"}");
            mallory.expectNothing(Duration.ofMillis(100));
        }
    }
}
