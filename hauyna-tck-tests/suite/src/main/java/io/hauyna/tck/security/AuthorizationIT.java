package io.hauyna.tck.security;

import io.hauyna.jakarta.HauynaConfigKeys;
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
import java.util.Map;

import static io.hauyna.tck.TckProtocolClients.connect;
import static org.assertj.core.api.Assertions.assertThat;

/** Private channels, anti-spoofing, group permissions and a message interceptor on a real server. */
@ExtendWith(ArquillianExtension.class)
class AuthorizationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TckArchive.war("tck-authorization", Map.of(
                        HauynaConfigKeys.CHANNELS_PRIVATE, "notifications:{id}",
                        HauynaConfigKeys.GROUPS_PERMISSIONS_PREFIX + "member", "none"),
                TckProtocolEndpoint.class, NoLinksFromGuests.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void anotherUsersNotificationsChannelIsRefused() {
        try (TestClient alice = connect(base, "alice", "")) {
            alice.send("{\"type\":\"subscribe_channel\",\"channel\":\"notifications:alice\",\"ref\":1}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":1,\"status\":\"ok\"}");
            alice.send("{\"type\":\"subscribe_channel\",\"channel\":\"notifications:bob\",\"ref\":2}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":2,\"status\":\"error\",\"error_type\":\"forbidden\","
                    + "\"message\":\"Channel 'notifications:bob' is private (notifications:{id}): only its owner may use it\"}");
        }
    }

    @Test
    void aClaimedSenderIsIgnored() {
        try (TestClient mallory = connect(base, "mallory", ""); TestClient victim = connect(base, "victim", "")) {
            mallory.send("{\"type\":\"direct_message\",\"to\":\"victim\",\"from\":\"admin\",\"message\":\"reset your password\"}");
            assertThat(victim.next()).isEqualTo("{\"type\":\"direct_message\",\"from\":\"mallory\",\"message\":\"reset your password\"}");
        }
    }

    @Test
    void aMemberWithoutPermissionIsRefusedAGroupMessageAndAnAdminKicks() {
        try (TestClient admin = connect(base, "ada", "&group=staff&role=admin");
             TestClient member = connect(base, "max", "&group=staff&role=member")) {
            member.send("{\"type\":\"group_message\",\"group\":\"staff\",\"message\":\"hi\",\"ref\":1}");
            assertThat(member.next()).isEqualTo("{\"type\":\"reply\",\"ref\":1,\"status\":\"error\",\"error_type\":\"forbidden\","
                    + "\"message\":\"Your role 'member' in group 'staff' lacks permission 'group_message'\","
                    + "\"details\":{\"permission\":\"group_message\",\"group\":\"staff\",\"role\":\"member\"}}");
            admin.expectNothing(Duration.ofMillis(200));

            admin.send("{\"type\":\"group_message\",\"group\":\"staff\",\"message\":\"standup\"}");
            assertThat(member.next()).isEqualTo("{\"type\":\"group_message\",\"group\":\"staff\",\"from\":\"ada\",\"message\":\"standup\"}");
            admin.send("{\"type\":\"group_kick\",\"group\":\"staff\",\"user\":\"max\",\"ref\":2}");
            assertThat(admin.next()).isEqualTo("{\"type\":\"reply\",\"ref\":2,\"status\":\"ok\"}");
            assertThat(member.next()).isEqualTo("{\"type\":\"group_kicked\",\"group\":\"staff\",\"by\":\"ada\"}");
        }
    }

    @Test
    void anInterceptorRejectsAFrameWithATypedError() {
        try (TestClient guest = connect(base, "guest-1", "")) {
            guest.send("{\"type\":\"direct_message\",\"to\":\"guest-1\",\"message\":\"https://spam.example\",\"ref\":1}");
            assertThat(guest.next()).isEqualTo("{\"type\":\"reply\",\"ref\":1,\"status\":\"error\",\"error_type\":\"unauthorized\","
                    + "\"message\":\"Guests cannot post links: sign in\"}");
            guest.send("{\"type\":\"ping\",\"ref\":2}");
            assertThat(guest.next()).isEqualTo("{\"type\":\"pong\",\"ref\":2}");
        }
    }
}
