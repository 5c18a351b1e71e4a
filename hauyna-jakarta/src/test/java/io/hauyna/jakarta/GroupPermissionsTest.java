package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Group roles carry permissions: admins message and kick, read-only members only receive. */
class GroupPermissionsTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.GROUPS_PERMISSIONS_PREFIX + "member", "none")
            .with(HauynaConfigKeys.GROUPS_PERMISSIONS_PREFIX + "moderator", "group_kick");

    private static Connections connections() {
        return server.bean(Connections.class);
    }

    @Test
    void aReadOnlyMemberIsRefusedAGroupMessageWithThePermissionNamed() {
        try (TestClient admin = ProtocolEndpoint.connectAs(server, "ada");
             TestClient member = ProtocolEndpoint.connectAs(server, "max")) {
            connections().addToGroup("ada", "staff", "admin");
            connections().addToGroup("max", "staff", "member");

            member.send("{\"type\":\"group_message\",\"group\":\"staff\",\"message\":\"me too\",\"ref\":7}");
            assertThat(member.next()).isEqualTo("{\"type\":\"reply\",\"ref\":7,\"status\":\"error\",\"error_type\":\"forbidden\","
                    + "\"message\":\"Your role 'member' in group 'staff' lacks permission 'group_message'\","
                    + "\"details\":{\"permission\":\"group_message\",\"group\":\"staff\",\"role\":\"member\"}}");
            admin.expectNothing(Duration.ofMillis(100));

            admin.send("{\"type\":\"group_message\",\"group\":\"staff\",\"message\":\"deploying\"}");
            assertThat(member.next()).isEqualTo("{\"type\":\"group_message\",\"group\":\"staff\",\"from\":\"ada\",\"message\":\"deploying\"}");
        }
    }

    @Test
    void anAdminKicksAMemberWhoIsToldAndNoLongerReceives() {
        try (TestClient admin = ProtocolEndpoint.connectAs(server, "ann");
             TestClient member = ProtocolEndpoint.connectAs(server, "mia")) {
            connections().addToGroup("ann", "ops", "admin");
            connections().addToGroup("mia", "ops", "member");

            member.send("{\"type\":\"group_kick\",\"group\":\"ops\",\"user\":\"ann\",\"ref\":1}");
            assertThat(member.next()).contains("\"error_type\":\"forbidden\"").contains("lacks permission 'group_kick'");

            admin.send("{\"type\":\"group_kick\",\"group\":\"ops\",\"user\":\"mia\",\"ref\":2}");
            assertThat(admin.next()).isEqualTo("{\"type\":\"reply\",\"ref\":2,\"status\":\"ok\"}");
            assertThat(member.next()).isEqualTo("{\"type\":\"group_kicked\",\"group\":\"ops\",\"by\":\"ann\"}");
            assertThat(connections().isInGroup("mia", "ops")).isFalse();

            admin.send("{\"type\":\"group_message\",\"group\":\"ops\",\"message\":\"after\"}");
            member.expectNothing(Duration.ofMillis(200));
            admin.send("{\"type\":\"group_kick\",\"group\":\"ops\",\"user\":\"mia\",\"ref\":3}");
            assertThat(admin.next()).contains("\"error_type\":\"not_found\"").contains("is not a member of group 'ops'");
        }
    }

    @Test
    void aCustomRoleHasOnlyItsConfiguredPermissionsAndNonMembersAreRefusedFirst() {
        try (TestClient moderator = ProtocolEndpoint.connectAs(server, "mod");
             TestClient outsider = ProtocolEndpoint.connectAs(server, "out")) {
            connections().addToGroup("mod", "forum", "moderator");

            moderator.send("{\"type\":\"group_message\",\"group\":\"forum\",\"message\":\"hi\",\"ref\":1}");
            assertThat(moderator.next()).contains("lacks permission 'group_message'");
            outsider.send("{\"type\":\"group_kick\",\"group\":\"forum\",\"user\":\"mod\",\"ref\":1}");
            assertThat(outsider.next()).contains("\"error_type\":\"forbidden\"").contains("You are not a member of group 'forum'");
            assertThat(connections().isInGroup("mod", "forum")).isTrue();
        }
    }
}
