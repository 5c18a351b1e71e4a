package io.hauyna.tck.channels;

import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.tck.TckArchive;
import io.hauyna.tck.TckProtocolEndpoint;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;

import static io.hauyna.tck.TckProtocolClients.connect;
import static io.hauyna.jakarta.testing.ProtocolEndpoint.join;
import static org.assertj.core.api.Assertions.assertThat;

/** Channels, direct and group messages and typed errors over the protocol, on a real server. */
@ExtendWith(ArquillianExtension.class)
class ChannelsIT {

    private static final Duration QUIET = Duration.ofMillis(300);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TckArchive.war("tck-channels", TckProtocolEndpoint.class, NotificationsAuthorizer.class, ChannelEventRelay.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void aChannelMessageReachesTheOtherSubscribersFromTheSendersIdentity() {
        try (TestClient alice = connect(base, "alice", ""); TestClient bob = connect(base, "bob", "");
             TestClient carol = connect(base, "carol", "")) {
            join(alice, "room:a", "{}");
            join(bob, "room:a", "{}");

            alice.send("{\"type\":\"channel_message\",\"channel\":\"room:a\",\"from\":\"mallory\",\"message\":{\"text\":\"hi\"},\"ref\":2}");

            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":2,\"status\":\"ok\"}");
            assertThat(bob.next()).isEqualTo("{\"type\":\"channel_message\",\"channel\":\"room:a\",\"from\":\"alice\",\"message\":{\"text\":\"hi\"}}");
            alice.expectNothing(QUIET);
            carol.expectNothing(Duration.ZERO);
        }
    }

    @Test
    void publishingWithoutJoiningAndJoiningAnotherUsersNotificationsAreForbidden() {
        try (TestClient bob = connect(base, "bob", "")) {
            bob.send("{\"type\":\"channel_message\",\"channel\":\"room:x\",\"message\":\"hi\",\"ref\":3}");
            assertThat(bob.next()).isEqualTo("{\"type\":\"reply\",\"ref\":3,\"status\":\"error\",\"error_type\":\"forbidden\","
                    + "\"message\":\"Join channel 'room:x' before publishing to it\"}");

            bob.send("{\"type\":\"subscribe_channel\",\"channel\":\"notifications:alice\",\"ref\":4}");
            assertThat(bob.next()).isEqualTo("{\"type\":\"reply\",\"ref\":4,\"status\":\"error\",\"error_type\":\"forbidden\","
                    + "\"message\":\"Only alice may join notifications:alice\"}");
            join(bob, "notifications:bob", "{}");
        }
    }

    @Test
    void directAndGroupMessages() {
        try (TestClient alice = connect(base, "alice", "&group=ops"); TestClient bob = connect(base, "bob", "&group=ops");
             TestClient eve = connect(base, "eve", "")) {
            alice.send("{\"type\":\"direct_message\",\"to\":\"eve\",\"message\":[1,2]}");
            assertThat(eve.next()).isEqualTo("{\"type\":\"direct_message\",\"from\":\"alice\",\"message\":[1,2]}");

            alice.send("{\"type\":\"direct_message\",\"to\":\"nobody\",\"message\":\"?\",\"ref\":1}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":1,\"status\":\"error\",\"error_type\":\"not_found\","
                    + "\"message\":\"User 'nobody' is not connected\"}");

            alice.send("{\"type\":\"group_message\",\"group\":\"ops\",\"message\":\"deploying\"}");
            assertThat(bob.next()).isEqualTo("{\"type\":\"group_message\",\"group\":\"ops\",\"from\":\"alice\",\"message\":\"deploying\"}");
            eve.send("{\"type\":\"group_message\",\"group\":\"ops\",\"message\":\"let me in\"}");
            assertThat(eve.next()).isEqualTo("{\"type\":\"error\",\"error_type\":\"forbidden\",\"message\":\"You are not a member of group 'ops'\"}");
            alice.expectNothing(QUIET);
        }
    }

    @Test
    void badFramesGetTypedErrorsAndTheConnectionKeepsWorking() {
        try (TestClient client = connect(base, "fuzzer", "")) {
            String[][] cases = {
                    {"not json", "invalid_json"},
                    {"[1]", "invalid_message"},
                    {"{\"type\":7}", "invalid_message"},
                    {"{\"type\":\"teleport\"}", "unknown_type"},
                    {"{\"type\":\"subscribe_channel\",\"channel\":\"a b\"}", "validation_error"},
                    {"{\"type\":\"channel_message\",\"channel\":\"a\"}", "invalid_message"},
            };
            for (String[] badFrame : cases) {
                client.send(badFrame[0]);
                assertThat(client.next()).as(badFrame[0]).startsWith("{\"type\":\"error\",\"error_type\":\"" + badFrame[1] + "\"");
            }
            client.send("{\"type\":\"ping\",\"ref\":1}");
            assertThat(client.next()).isEqualTo("{\"type\":\"pong\",\"ref\":1}");
        }
    }

    @Test
    void joiningAndLeavingFireCdiEventsOnce() {
        try (TestClient watcher = connect(base, "watcher", "")) {
            try (TestClient dave = connect(base, "dave", "")) {
                join(dave, "room:events", "{\"name\":\"Dave\"}");
                assertThat(watcher.next()).isEqualTo("joined room:events dave {name=Dave}");
            }
            assertThat(watcher.next()).isEqualTo("left room:events dave");
            watcher.expectNothing(QUIET);
        }
    }
}
