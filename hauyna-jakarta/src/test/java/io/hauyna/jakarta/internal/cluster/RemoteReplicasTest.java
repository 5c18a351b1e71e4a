package io.hauyna.jakarta.internal.cluster;

import io.hauyna.jakarta.PresenceStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What a node keeps of the others' state: indexes follow changes and snapshots, and a forgotten node leaves nothing. */
class RemoteReplicasTest {

    private final RemoteReplicas replicas = new RemoteReplicas();
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();

    private static List<ClusterFrame.Change> put(Replica... pieces) {
        return List.of(pieces).stream().map(piece -> new ClusterFrame.Change(false, piece)).toList();
    }

    private static List<ClusterFrame.Change> remove(Replica... pieces) {
        return List.of(pieces).stream().map(piece -> new ClusterFrame.Change(true, piece)).toList();
    }

    @Test
    void connectionsSubscriptionsMembershipsAndPresenceAreAnsweredAcrossNodes() {
        replicas.apply(a, put(new Replica.Connection("c1", "alice"), new Replica.Subscription("room", "c1", "alice", "{}"),
                new Replica.Membership("alice", "staff", "admin"), new Replica.Fragment("alice", PresenceStatus.ONLINE, 1, "{}")));
        replicas.apply(b, put(new Replica.Connection("c2", "bob"), new Replica.Connection("c3", "alice"),
                new Replica.Subscription("room", "c2", "bob", "{}"), new Replica.Fragment("alice", PresenceStatus.AWAY, 2, "{}")));

        assertThat(replicas.identifiers()).containsExactlyInAnyOrder("alice", "bob");
        assertThat(replicas.connectionCount()).isEqualTo(3);
        assertThat(replicas.isConnected("alice")).isTrue();
        assertThat(replicas.channels()).containsExactly("room");
        assertThat(replicas.subscriptions("room")).extracting(Replica.Subscription::identifier).containsExactlyInAnyOrder("alice", "bob");
        assertThat(replicas.channelsOf("alice")).containsExactly("room");
        assertThat(replicas.membersOf("staff")).isEqualTo(Map.of("alice", "admin"));
        assertThat(replicas.rolesOf("alice")).isEqualTo(Map.of("staff", "admin"));
        assertThat(replicas.groups()).containsExactly("staff");
        assertThat(replicas.fragments("alice")).extracting(Replica.Fragment::status)
                .containsExactlyInAnyOrder(PresenceStatus.ONLINE, PresenceStatus.AWAY);
        assertThat(replicas.presentIdentifiers()).containsExactly("alice");
    }

    @Test
    void changesReportWhatTheyTouchedAndRemovalsEmptyTheIndexes() {
        RemoteReplicas.Touched joined = replicas.apply(a, put(new Replica.Subscription("room", "c1", "alice", "{}"),
                new Replica.Fragment("alice", PresenceStatus.ONLINE, 1, "{}")));
        assertThat(joined.channels()).containsExactly("room");
        assertThat(joined.identifiers()).containsExactly("alice");

        RemoteReplicas.Touched left = replicas.apply(a, remove(new Replica.Subscription("room", "c1", "alice", null),
                new Replica.Fragment("alice", PresenceStatus.ONLINE, 0, null)));
        assertThat(left.channels()).containsExactly("room");
        assertThat(left.identifiers()).containsExactly("alice");
        assertThat(replicas.channels()).isEmpty();
        assertThat(replicas.channelsOf("alice")).isEmpty();
        assertThat(replicas.presentIdentifiers()).isEmpty();
    }

    @Test
    void aReplacedPieceIsIndexedOnceWithItsNewValue() {
        replicas.apply(a, put(new Replica.Membership("alice", "staff", "member")));
        replicas.apply(a, put(new Replica.Membership("alice", "staff", "admin")));

        assertThat(replicas.membersOf("staff")).isEqualTo(Map.of("alice", "admin"));
        replicas.apply(a, remove(new Replica.Membership("alice", "staff", null)));
        assertThat(replicas.groups()).isEmpty();
    }

    @Test
    void aSnapshotReplacesEverythingHeldForItsNodeAndReportsOldAndNew() {
        replicas.apply(a, put(new Replica.Connection("c1", "ghost"), new Replica.Fragment("ghost", PresenceStatus.ONLINE, 1, "{}")));
        replicas.apply(b, put(new Replica.Connection("c9", "bob")));

        RemoteReplicas.Touched touched = replicas.replace(a, List.of(new Replica.Connection("c2", "carol"),
                new Replica.Fragment("carol", PresenceStatus.ONLINE, 1, "{}")));

        assertThat(touched.identifiers()).containsExactlyInAnyOrder("ghost", "carol");
        assertThat(replicas.identifiers()).containsExactlyInAnyOrder("carol", "bob");
        assertThat(replicas.presentIdentifiers()).containsExactly("carol");
    }

    @Test
    void aForgottenNodeLeavesNothingAndReportsAllItHeld() {
        replicas.apply(a, put(new Replica.Connection("c1", "alice"), new Replica.Subscription("room", "c1", "alice", "{}"),
                new Replica.Membership("alice", "staff", "admin"), new Replica.Fragment("alice", PresenceStatus.ONLINE, 1, "{}")));

        RemoteReplicas.Touched touched = replicas.forget(a);

        assertThat(touched.identifiers()).containsExactly("alice");
        assertThat(touched.channels()).containsExactly("room");
        assertThat(replicas.identifiers()).isEmpty();
        assertThat(replicas.connectionCount()).isZero();
        assertThat(replicas.channels()).isEmpty();
        assertThat(replicas.groups()).isEmpty();
        assertThat(replicas.presentIdentifiers()).isEmpty();
        assertThat(replicas.forget(a).isEmpty()).isTrue();
    }
}
