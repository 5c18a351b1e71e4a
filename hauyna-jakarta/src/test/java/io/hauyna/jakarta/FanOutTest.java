package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ReadyEndpoint;
import io.hauyna.jakarta.testing.StalledClient;
import io.hauyna.jakarta.testing.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FanOutTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ReadyEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");

    private final Connections connections = server.bean(Connections.class);

    /** Counts how often JSON-B reads it, i.e. how often it is encoded. */
    public static class CountedMessage {
        static final AtomicInteger encodings = new AtomicInteger();

        public String getText() {
            encodings.incrementAndGet();
            return "counted";
        }
    }

    private TestClient connect(String user) {
        return ReadyEndpoint.connectAs(server, user);
    }

    @AfterEach
    void allGone() {
        await().until(() -> connections.count() == 0);
    }

    @Test
    void anObjectIsEncodedOncePerFanOutWhateverTheNumberOfRecipients() {
        List<TestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                clients.add(connect("user" + i));
                connections.addToGroup("user" + i, "all");
            }
            int before = CountedMessage.encodings.get();

            assertThat(connections.sendToGroup("all", new CountedMessage())).isEqualTo(5);

            assertThat(CountedMessage.encodings.get() - before).isEqualTo(1);
            for (TestClient client : clients) {
                assertThat(client.next()).isEqualTo("{\"text\":\"counted\"}");
            }
        } finally {
            clients.forEach(TestClient::close);
        }
    }

    @Test
    void aRecipientThatDroppedItsSocketDoesNotStopTheOthers() {
        List<TestClient> healthy = new ArrayList<>();
        try (StalledClient crashed = StalledClient.connect(server.uri("/ready?user_id=crashed"), Integer.MAX_VALUE)) {
            await().until(() -> crashed.received().contains(ReadyEndpoint.READY));
            connections.addToGroup("crashed", "room");
            for (int i = 0; i < 3; i++) {
                healthy.add(connect("healthy" + i));
                connections.addToGroup("healthy" + i, "room");
            }

            crashed.abort();
            // Fan out at once, while the server may still think the crashed socket is open.
            IntStream.range(0, 200).forEach(i -> connections.sendToGroup("room", "m" + i));

            List<String> expected = IntStream.range(0, 200).mapToObj(i -> "m" + i).toList();
            for (TestClient client : healthy) {
                assertThat(client.next(200)).containsExactlyElementsOf(expected);
            }
            await().until(() -> connections.connectionsOf("crashed").isEmpty());
            assertThat(connections.groupMembers("room")).doesNotContain("crashed");
        } finally {
            healthy.forEach(TestClient::close);
        }
    }

    @Test
    void sendingToAClosedConnectionIsRefusedQuietly() {
        Connection gone;
        try (TestClient client = connect("leaver")) {
            gone = connections.connectionsOf("leaver").get(0);
        }
        await().until(() -> connections.count() == 0);

        assertThat(gone.isOpen()).isFalse();
        assertThat(gone.send("anyone?")).isFalse();
        assertThat(connections.sendTo("leaver", "anyone?")).isZero();
    }
}
