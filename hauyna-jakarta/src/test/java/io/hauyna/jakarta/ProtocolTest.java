package io.hauyna.jakarta;

import io.hauyna.jakarta.spi.ChannelAuthorizer;
import io.hauyna.jakarta.spi.ChannelDecision;
import io.hauyna.jakarta.testing.ChannelEventLog;
import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The wire protocol, frame by frame, against a real endpoint that opted in. */
class ProtocolTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    @org.junit.jupiter.api.extension.RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .withBeans(ChannelEventLog.class, PrivateNotifications.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");

    /** notifications:<id> is private to <id>; everything else keeps the defaults. */
    @ApplicationScoped
    public static class PrivateNotifications implements ChannelAuthorizer {
        @Override
        public ChannelDecision authorizeJoin(Connection connection, String channel, Map<String, Object> metadata) {
            if (channel.startsWith("notifications:") && !channel.equals("notifications:" + connection.identifier())) {
                return ChannelDecision.deny("Only " + channel.substring("notifications:".length()) + " may join " + channel);
            }
            return ChannelDecision.allow();
        }
    }

    private final Channels channels = server.bean(Channels.class);
    private final Connections connections = server.bean(Connections.class);

    private TestClient connect(String user) {
        return ProtocolEndpoint.connectAs(server, user);
    }

    @AfterEach
    void allGone() {
        await().until(() -> connections.count() == 0);
        assertThat(channels.channels()).isEmpty();
    }

    @Test
    void aFrameWithARefGetsExactlyOneReply() {
        try (TestClient alice = connect("alice")) {
            alice.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:a\",\"metadata\":{\"name\":\"Alice\",\"n\":1},\"ref\":1}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":1,\"status\":\"ok\"}");
            alice.send("{\"type\":\"unsubscribe_channel\",\"channel\":\"room:a\",\"ref\":\"two\"}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":\"two\",\"status\":\"ok\"}");
            alice.expectNothing(QUIET);
        }
    }

    @Test
    void aFrameWithoutARefIsAnsweredOnlyWhenItFails() {
        try (TestClient alice = connect("alice")) {
            alice.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:a\"}");
            alice.expectNothing(QUIET);
            await().until(() -> channels.subscribers("room:a").contains("alice"));
        }
    }

    @Test
    void metadataArrivesAsPlainJavaValues() {
        try (TestClient alice = connect("alice")) {
            alice.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:m\",\"metadata\":{\"name\":\"Alice\",\"age\":30,\"tags\":[\"a\",true]},\"ref\":1}");
            alice.next();
            Subscription subscription = channels.subscriptions("room:m").get(0);
            assertThat(subscription.metadata()).containsEntry("name", "Alice").containsEntry("age", 30L)
                    .containsEntry("tags", java.util.List.of("a", true));
        }
    }

    @Test
    void aChannelMessageReachesTheOtherSubscribersFromTheSendersIdentity() {
        try (TestClient alice = connect("alice"); TestClient bob = connect("bob"); TestClient carol = connect("carol")) {
            alice.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:a\",\"ref\":1}");
            alice.next();
            bob.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:a\",\"ref\":1}");
            bob.next();

            alice.send("{\"type\":\"channel_message\",\"channel\":\"room:a\",\"from\":\"mallory\",\"message\":{\"text\":\"hi\"},\"ref\":2}");

            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":2,\"status\":\"ok\"}");
            assertThat(bob.next()).isEqualTo("{\"type\":\"channel_message\",\"channel\":\"room:a\",\"from\":\"alice\",\"message\":{\"text\":\"hi\"}}");
            alice.expectNothing(QUIET);
            carol.expectNothing(Duration.ZERO);
        }
    }

    @Test
    void publishingWithoutJoiningIsForbidden() {
        try (TestClient alice = connect("alice")) {
            alice.send("{\"type\":\"channel_message\",\"channel\":\"room:x\",\"message\":\"hi\",\"ref\":3}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":3,\"status\":\"error\",\"error_type\":\"forbidden\","
                    + "\"message\":\"Join channel 'room:x' before publishing to it\"}");
        }
    }

    @Test
    void anAuthorizerCanRefuseAJoinAndNothingChanges() {
        try (TestClient bob = connect("bob")) {
            bob.send("{\"type\":\"subscribe_channel\",\"channel\":\"notifications:alice\",\"ref\":1}");
            assertThat(bob.next()).isEqualTo("{\"type\":\"reply\",\"ref\":1,\"status\":\"error\",\"error_type\":\"forbidden\","
                    + "\"message\":\"Only alice may join notifications:alice\"}");
            assertThat(channels.channels()).isEmpty();
            assertThat(server.bean(ChannelEventLog.class).count(ChannelJoined.class, "notifications:alice")).isZero();

            bob.send("{\"type\":\"subscribe_channel\",\"channel\":\"notifications:bob\",\"ref\":2}");
            assertThat(bob.next()).isEqualTo("{\"type\":\"reply\",\"ref\":2,\"status\":\"ok\"}");
        }
    }

    @Test
    void directMessagesGoToEveryConnectionOfTheRecipient() {
        try (TestClient alice = connect("alice"); TestClient bob1 = connect("bob"); TestClient bob2 = connect("bob")) {
            alice.send("{\"type\":\"direct_message\",\"to\":\"bob\",\"message\":[1,2],\"from\":\"eve\",\"ref\":1}");
            assertThat(bob1.next()).isEqualTo("{\"type\":\"direct_message\",\"from\":\"alice\",\"message\":[1,2]}");
            assertThat(bob2.next()).isEqualTo("{\"type\":\"direct_message\",\"from\":\"alice\",\"message\":[1,2]}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":1,\"status\":\"ok\"}");

            alice.send("{\"type\":\"direct_message\",\"to\":\"nobody\",\"message\":\"?\",\"ref\":2}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":2,\"status\":\"error\",\"error_type\":\"not_found\","
                    + "\"message\":\"User 'nobody' is not connected\"}");
        }
    }

    @Test
    void groupMessagesNeedMembershipAndSkipTheSendingConnection() {
        try (TestClient alice = connect("alice"); TestClient bob = connect("bob"); TestClient eve = connect("eve")) {
            connections.addToGroup("alice", "ops");
            connections.addToGroup("bob", "ops");

            alice.send("{\"type\":\"group_message\",\"group\":\"ops\",\"message\":\"deploying\"}");
            assertThat(bob.next()).isEqualTo("{\"type\":\"group_message\",\"group\":\"ops\",\"from\":\"alice\",\"message\":\"deploying\"}");
            alice.expectNothing(QUIET);

            eve.send("{\"type\":\"group_message\",\"group\":\"ops\",\"message\":\"let me in\"}");
            assertThat(eve.next()).isEqualTo("{\"type\":\"error\",\"error_type\":\"forbidden\",\"message\":\"You are not a member of group 'ops'\"}");
            bob.expectNothing(QUIET);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not JSON                 | hello                                                        | invalid_json      |
            truncated JSON           | {"type":"ping"                                               | invalid_json      |
            an array                 | [1,2]                                                        | invalid_message   | A frame must be a JSON object with a "type" field, not array
            a string                 | "ping"                                                       | invalid_message   | A frame must be a JSON object with a "type" field, not string
            no type                  | {"channel":"a"}                                              | invalid_message   | Field 'type' is missing
            type not a string        | {"type":7}                                                   | invalid_message   | Field 'type' must be a string
            unknown type             | {"type":"teleport"}                                          | unknown_type      | Unknown type 'teleport': use one of subscribe_channel, unsubscribe_channel, channel_message, direct_message, group_message, group_kick, presence_update, event, ping
            channel missing          | {"type":"subscribe_channel"}                                 | invalid_message   | Field 'channel' is missing
            channel not a string     | {"type":"subscribe_channel","channel":["a"]}                 | invalid_message   | Field 'channel' must be a string
            channel with a space     | {"type":"subscribe_channel","channel":"a b"}                 | validation_error  | Channel name 'a b' is invalid: use 1 to 200 letters, digits, '_', '.', ':', '-' or '@'
            channel empty            | {"type":"subscribe_channel","channel":""}                    | validation_error  | Channel name '' is invalid: use 1 to 200 letters, digits, '_', '.', ':', '-' or '@'
            metadata not an object   | {"type":"subscribe_channel","channel":"a","metadata":[1]}    | invalid_message   | Field 'metadata' must be an object
            metadata with a null     | {"type":"subscribe_channel","channel":"a","metadata":{"k":null}} | validation_error | Field 'metadata' must not contain null values: leave the key out instead
            message missing          | {"type":"channel_message","channel":"a"}                     | invalid_message   | Field 'message' is missing
            direct without to        | {"type":"direct_message","message":1}                        | invalid_message   | Field 'to' is missing
            group not a string       | {"type":"group_message","group":1,"message":1}               | invalid_message   | Field 'group' must be a string
            ref is an object         | {"type":"ping","ref":{"a":1}}                                | invalid_message   | Field 'ref' must be a string or a number
            """)
    void aBadFrameGetsATypedErrorAndTheConnectionKeepsWorking(String what, String frame, String errorType, String message) {
        try (TestClient sender = connect("sender"); TestClient bystander = connect("bystander")) {
            bystander.send("{\"type\":\"subscribe_channel\",\"channel\":\"calm\",\"ref\":1}");
            bystander.next();

            sender.send(frame);
            String error = sender.next();

            assertThat(error).startsWith("{\"type\":\"error\",\"error_type\":\"" + errorType + "\",\"message\":\"");
            if (message != null) {
                assertThat(error).contains("\"message\":\"" + message.replace("\"", "\\\"") + "\"");
            }
            assertThat(channels.channels()).as("nothing changed").containsExactly("calm");
            sender.send("{\"type\":\"ping\",\"ref\":9}");
            assertThat(sender.next()).isEqualTo("{\"type\":\"pong\",\"ref\":9}");
            bystander.send("{\"type\":\"ping\",\"ref\":9}");
            assertThat(bystander.next()).isEqualTo("{\"type\":\"pong\",\"ref\":9}");
        }
    }

    @Test
    void leavingOnCloseIsAnnouncedOnce() {
        try (TestClient alice = connect("alice")) {
            alice.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:bye\",\"ref\":1}");
            alice.next();
        }
        await().until(() -> server.bean(ChannelEventLog.class).count(ChannelLeft.class, "room:bye") == 1);
    }
}
