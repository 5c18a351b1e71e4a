package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ReadyEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ConnectionsTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ReadyEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");

    public record Greeting(String type, String text, int count) {
    }

    private final Connections connections = server.bean(Connections.class);

    private TestClient connect(String user) {
        return ReadyEndpoint.connectAs(server, user);
    }

    @AfterEach
    void everythingIsForgottenWhenAllClientsHaveGone() {
        await().until(() -> connections.count() == 0);
        assertThat(connections.identifiers()).isEmpty();
        assertThat(connections.groups()).isEmpty();
    }

    @Test
    void oneIdentifierCanHaveSeveralConnections() {
        try (TestClient tab1 = connect("alice"); TestClient tab2 = connect("alice"); TestClient other = connect("bob")) {
            List<Connection> alices = connections.connectionsOf("alice");

            assertThat(alices).hasSize(2).extracting(Connection::identifier).containsOnly("alice");
            assertThat(alices.get(0).openedAt()).isBeforeOrEqualTo(alices.get(1).openedAt());
            assertThat(connections.identifiers()).containsExactlyInAnyOrder("alice", "bob");
            assertThat(connections.count()).isEqualTo(3);
            assertThat(connections.identifierOf(alices.get(0).session())).contains("alice");

            assertThat(connections.sendTo("alice", "for alice")).isEqualTo(2);
            assertThat(tab1.next()).isEqualTo("for alice");
            assertThat(tab2.next()).isEqualTo("for alice");
            other.expectNothing(QUIET);
        }
    }

    @Test
    void closingOneTabKeepsTheOtherConnectionAndTheGroups() {
        try (TestClient tab1 = connect("carol"); TestClient tab2 = connect("carol")) {
            connections.addToGroup("carol", "team");
            tab1.close();
            await().until(() -> connections.connectionsOf("carol").size() == 1);

            assertThat(connections.isInGroup("carol", "team")).isTrue();
            assertThat(connections.sendToGroup("team", "still here")).isEqualTo(1);
            assertThat(tab2.next()).isEqualTo("still here");
        }
    }

    @Test
    void groupMembershipEndsWithTheLastConnection() {
        try (TestClient client = connect("dave")) {
            connections.addToGroup("dave", "team", "admin");
        }
        await().until(() -> connections.count() == 0);
        assertThat(connections.groupMembers("team")).isEmpty();
        assertThat(connections.groupsOf("dave")).isEmpty();

        try (TestClient again = connect("dave")) {
            assertThat(connections.isInGroup("dave", "team")).as("membership does not survive a full disconnect").isFalse();
        }
    }

    @Test
    void addingAnIdentifierWithoutConnectionsRecordsNothing() {
        assertThat(connections.addToGroup("nobody", "team")).isFalse();
        assertThat(connections.groupMembers("team")).isEmpty();
        assertThat(connections.groups()).isEmpty();
    }

    @Test
    void groupsCarryRolesAndCanTargetOneRole() {
        try (TestClient admin = connect("erin"); TestClient member = connect("frank"); TestClient outsider = connect("grace")) {
            assertThat(connections.addToGroup("erin", "ops", "admin")).isTrue();
            assertThat(connections.addToGroup("frank", "ops")).isTrue();

            assertThat(connections.groups()).containsExactly("ops");
            assertThat(connections.groupMembers("ops")).containsExactlyInAnyOrder("erin", "frank");
            assertThat(connections.groupMembers("ops", "admin")).containsExactly("erin");
            assertThat(connections.groupMembers("ops", Connections.DEFAULT_ROLE)).containsExactly("frank");
            assertThat(connections.roleIn("erin", "ops")).contains("admin");
            assertThat(connections.roleIn("frank", "ops")).contains("member");
            assertThat(connections.roleIn("grace", "ops")).isEmpty();
            assertThat(connections.groupsOf("erin")).containsExactly("ops");
            assertThat(connections.connectionsOf("erin").get(0).groups()).containsExactly("ops");

            assertThat(connections.sendToGroup("ops", "admin", "admins only")).isEqualTo(1);
            assertThat(admin.next()).isEqualTo("admins only");
            member.expectNothing(QUIET);

            assertThat(connections.sendToGroup("ops", "everyone in ops")).isEqualTo(2);
            assertThat(admin.next()).isEqualTo("everyone in ops");
            assertThat(member.next()).isEqualTo("everyone in ops");
            outsider.expectNothing(QUIET);
        }
    }

    @Test
    void addingAgainChangesTheRole() {
        try (TestClient client = connect("heidi")) {
            connections.addToGroup("heidi", "ops");
            connections.addToGroup("heidi", "ops", "admin");

            assertThat(connections.roleIn("heidi", "ops")).contains("admin");
            assertThat(connections.groupMembers("ops", Connections.DEFAULT_ROLE)).isEmpty();
        }
    }

    @Test
    void removingFromAGroupStopsItsMessagesAndPrunesEmptyGroups() {
        try (TestClient client = connect("ivan")) {
            connections.addToGroup("ivan", "news");

            assertThat(connections.removeFromGroup("ivan", "news")).isTrue();
            assertThat(connections.removeFromGroup("ivan", "news")).isFalse();
            assertThat(connections.isInGroup("ivan", "news")).isFalse();
            assertThat(connections.groups()).isEmpty();
            assertThat(connections.sendToGroup("news", "nobody hears this")).isZero();
            client.expectNothing(QUIET);
        }
    }

    @Test
    void invalidGroupAndRoleNamesAreRefusedWithInstructions() {
        try (TestClient client = connect("judy")) {
            assertThatThrownBy(() -> connections.addToGroup("judy", " "))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Group name ' ' is invalid: use 1 to 200 characters, not only white space");
            assertThatThrownBy(() -> connections.addToGroup("judy", "ok", "x".repeat(201)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Role name 'xxx");
            assertThat(connections.groups()).isEmpty();
        }
    }

    @Test
    void broadcastReachesEveryConnection() {
        try (TestClient a = connect("kim"); TestClient b = connect("kim"); TestClient c = connect("leo")) {
            assertThat(connections.broadcast("to all")).isEqualTo(3);
            for (TestClient client : List.of(a, b, c)) {
                assertThat(client.next()).isEqualTo("to all");
            }
        }
    }

    @Test
    void sendToManyCountsEachConnectionOnce() {
        try (TestClient a = connect("mia"); TestClient b = connect("ned"); TestClient c = connect("olga")) {
            assertThat(connections.sendToMany(List.of("mia", "ned", "mia", "nobody"), "some")).isEqualTo(2);
            assertThat(a.next()).isEqualTo("some");
            assertThat(b.next()).isEqualTo("some");
            a.expectNothing(QUIET);
            c.expectNothing(Duration.ZERO);
        }
    }

    @Test
    void sendingToAnUnknownIdentifierReachesNobody() {
        assertThat(connections.sendTo("ghost", "boo")).isZero();
        assertThat(connections.connectionsOf("ghost")).isEmpty();
        assertThat(connections.groupsOf("ghost")).isEmpty();
    }

    @Test
    void objectsAreSentAsJson() {
        try (TestClient client = connect("pat")) {
            connections.sendTo("pat", new Greeting("greeting", "héllo \"you\"", 3));
            assertThat(client.next()).isEqualTo("{\"count\":3,\"text\":\"héllo \\\"you\\\"\",\"type\":\"greeting\"}");
            connections.sendTo("pat", Map.of("k", List.of(1, 2)));
            assertThat(client.next()).isEqualTo("{\"k\":[1,2]}");
        }
    }

    @Test
    void aConnectionCarriesMetadataAndCanBeClosed() {
        try (TestClient client = connect("quinn")) {
            Connection quinn = connections.connectionsOf("quinn").get(0);
            quinn.putMetadata("device", "phone");

            assertThat(quinn.metadata()).containsExactly(Map.entry("device", "phone"));
            assertThat(quinn.removeMetadata("device")).contains("phone");
            assertThat(quinn.metadata()).isEmpty();
            assertThat(quinn.id()).isNotBlank();
            assertThat(quinn.isOpen()).isTrue();
            assertThat(quinn.send("direct")).isTrue();
            assertThat(client.next()).isEqualTo("direct");

            quinn.close(new jakarta.websocket.CloseReason(jakarta.websocket.CloseReason.CloseCodes.NORMAL_CLOSURE, "bye"));
            assertThat(client.awaitClose().getReasonPhrase()).isEqualTo("bye");
            await().until(() -> connections.connectionsOf("quinn").isEmpty());
            assertThat(quinn.send("too late")).isFalse();
        }
    }

    @Test
    void lastActivityMovesWhenTheClientSends() {
        try (TestClient client = connect("ruth")) {
            Connection ruth = connections.connectionsOf("ruth").get(0);
            var before = ruth.lastActivity();
            assertThat(before).isEqualTo(ruth.openedAt());
            await().pollDelay(Duration.ofMillis(20)).until(() -> true);
            client.send("anything");
            await().until(() -> ruth.lastActivity().isAfter(before));
        }
    }

    @Test
    void queriesReturnSnapshotsNotLiveViews() {
        try (TestClient client = connect("sam")) {
            connections.addToGroup("sam", "g1");
            Set<String> groups = connections.groups();
            connections.addToGroup("sam", "g2");

            assertThat(groups).containsExactly("g1");
            assertThatThrownBy(() -> groups.add("x")).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
