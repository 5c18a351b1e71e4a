package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.PresenceView;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Joins that land while a presence flush runs. Found by the benchmark's presence burst: a joiner
 * whose subscription reached the registry during a flush got that flush's diff (the joins since the
 * previous flush) instead of the state, and never the state, so it lacked everyone before it.
 */
class PresenceJoinRaceTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.PRESENCE_CHANNELS, "room:")
            // a flush every few milliseconds, so that joins keep landing during one
            .with(HauynaConfigKeys.PRESENCE_DIFF_INTERVAL_MS, "2");

    private final Connections connections = server.bean(Connections.class);

    @AfterEach
    void allGone() {
        await().until(() -> connections.count() == 0);
    }

    @Test
    void everyJoinerGetsTheStateFirstAndEndsWithEveryone() throws Exception {
        int members = 80;
        List<TestClient> clients = new ArrayList<>();
        ScheduledExecutorService joiners = Executors.newScheduledThreadPool(4);
        try {
            for (int i = 0; i < members; i++) {
                clients.add(ProtocolEndpoint.connectAs(server, "member" + i));
            }
            // over 400 ms from four threads: each flush finds some joins half done
            for (int i = 0; i < members; i++) {
                TestClient client = clients.get(i);
                joiners.schedule(() -> client.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:race\"}"),
                        i * 5L, TimeUnit.MILLISECONDS);
            }
            for (int i = 0; i < members; i++) {
                PresenceView view = new PresenceView().readUntil(clients.get(i), v -> v.identifiers().size() == members);
                assertThat(view.diffsBeforeState()).as("diffs member%d got before its state", i).isZero();
                assertThat(view.states()).as("states member%d got", i).isEqualTo(1);
            }
        } finally {
            joiners.shutdownNow();
            clients.forEach(TestClient::close);
        }
    }
}
