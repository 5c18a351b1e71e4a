package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ReadyEndpoint;
import io.hauyna.jakarta.testing.StalledClient;
import io.hauyna.jakarta.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Under drop-oldest a stalled client stays connected, and its queue stays within its bounds. */
class DropOldestTest {

    static final int MAX_MESSAGES = 50;
    static final int MAX_BYTES = 64 * 1024;
    static final int FLOOD = 1_000;

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ReadyEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.OUTBOUND_MAX_BYTES, String.valueOf(MAX_BYTES))
            .with(HauynaConfigKeys.OUTBOUND_MAX_MESSAGES, String.valueOf(MAX_MESSAGES))
            .with(HauynaConfigKeys.OUTBOUND_OVERFLOW, "drop-oldest");

    private final Connections connections = server.bean(Connections.class);

    @Test
    void aStalledClientKeepsOnlyTheNewestMessagesAndStaysConnected() {
        try (StalledClient slow = StalledClient.connect(server.uri("/ready?user_id=slow"), 1);
             TestClient fast = TestClient.connect(server.uri("/ready?user_id=fast"))) {
            assertThat(fast.next()).isEqualTo(ReadyEndpoint.READY);
            await().until(() -> slow.received().equals(List.of(ReadyEndpoint.READY)));
            Connection slowConnection = connections.connectionsOf("slow").get(0);

            String payload = "y".repeat(16 * 1024);
            int maxQueuedMessages = 0;
            long maxQueuedBytes = 0;
            for (int i = 0; i < FLOOD; i++) {
                assertThat(connections.broadcast(payload)).as("both connections accept message %d", i).isEqualTo(2);
                maxQueuedMessages = Math.max(maxQueuedMessages, slowConnection.queuedMessages());
                maxQueuedBytes = Math.max(maxQueuedBytes, slowConnection.queuedBytes());
                fast.next();
            }

            assertThat(slowConnection.isOpen()).isTrue();
            assertThat(connections.connectionsOf("slow")).hasSize(1);
            assertThat(maxQueuedMessages).isLessThanOrEqualTo(MAX_MESSAGES);
            assertThat(maxQueuedBytes).isLessThanOrEqualTo(MAX_BYTES).isPositive();
            assertThat(slowConnection.droppedMessages()).isPositive();
            assertThat(connections.connectionsOf("fast").get(0).droppedMessages()).isZero();
            System.out.printf("drop-oldest: %d messages of 16 KiB flooded; slow connection queue peaked at %d messages / %d bytes; %d dropped%n",
                    FLOOD, maxQueuedMessages, maxQueuedBytes, slowConnection.droppedMessages());
        }
        await().until(() -> connections.count() == 0);
    }
}
