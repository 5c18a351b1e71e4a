package io.hauyna.jakarta.internal.cluster;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A node publishes each change of its own state once, and a snapshot holds exactly what it published before. */
class OwnReplicasTest {

    private final List<ClusterFrame.Body> published = new ArrayList<>();
    private final OwnReplicas own = new OwnReplicas(published::add);

    @Test
    void aChangeIsPublishedOnceAndAnUnchangedPieceNotAgain() {
        own.put(new Replica.Connection("c1", "alice"));
        own.put(new Replica.Connection("c1", "alice"));
        own.remove(new Replica.Connection("c1", null));
        own.remove(new Replica.Connection("c1", null));

        assertThat(published).containsExactly(
                new ClusterFrame.Changes(List.of(new ClusterFrame.Change(false, new Replica.Connection("c1", "alice")))),
                new ClusterFrame.Changes(List.of(new ClusterFrame.Change(true, new Replica.Connection("c1", "alice")))));
    }

    @Test
    void aSnapshotHoldsThePiecesPublishedSoFar() {
        own.put(new Replica.Membership("alice", "staff", "member"));
        own.put(new Replica.Membership("alice", "staff", "admin"));
        own.put(new Replica.Connection("c1", "alice"));
        own.remove(new Replica.Connection("c1", null));

        own.publishSnapshot();

        assertThat(published).last().isEqualTo(new ClusterFrame.Snapshot(List.of(new Replica.Membership("alice", "staff", "admin"))));
        assertThat(own.size()).isEqualTo(1);
    }
}
