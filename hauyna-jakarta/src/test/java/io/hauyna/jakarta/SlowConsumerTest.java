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

/**
 * A client that stops reading must cost only its own bounded queue: the fast client still gets
 * every message, the slow one is closed with 1013, and the heap does not grow with the flood.
 */
class SlowConsumerTest {

    static final int MAX_BYTES = 64 * 1024;
    static final int MESSAGE_CHARS = 16 * 1024;
    static final int FLOOD_LIMIT = 10_000;

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ReadyEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.OUTBOUND_MAX_BYTES, String.valueOf(MAX_BYTES))
            .with(HauynaConfigKeys.OUTBOUND_MAX_MESSAGES, "100");

    private final Connections connections = server.bean(Connections.class);

    @Test
    void aStalledClientIsClosedWhileTheOthersGetEverything() {
        long heapBefore = usedHeapAfterGc();
        try (StalledClient slow = StalledClient.connect(server.uri("/ready?user_id=slow"), 1);
             TestClient fast = TestClient.connect(server.uri("/ready?user_id=fast"))) {
            assertThat(fast.next()).isEqualTo(ReadyEndpoint.READY);
            await().until(() -> slow.received().equals(List.of(ReadyEndpoint.READY)));
            Connection slowConnection = connections.connectionsOf("slow").get(0);
            connections.addToGroup("slow", "feed");
            connections.addToGroup("fast", "feed");

            String payload = "x".repeat(MESSAGE_CHARS);
            long maxQueuedBytes = 0;
            int sent = 0;
            while (slowConnection.isOpen() && sent < FLOOD_LIMIT) {
                connections.sendToGroup("feed", payload);
                sent++;
                maxQueuedBytes = Math.max(maxQueuedBytes, slowConnection.queuedBytes());
                assertThat(fast.next()).hasSize(MESSAGE_CHARS);
            }

            assertThat(sent).as("the stalled client was closed before the flood limit").isLessThan(FLOOD_LIMIT);
            assertThat(maxQueuedBytes).isLessThanOrEqualTo(MAX_BYTES);
            await().until(() -> connections.connectionsOf("slow").isEmpty());
            assertThat(connections.groupMembers("feed")).containsExactly("fast");

            connections.sendToGroup("feed", "after");
            assertThat(fast.next()).isEqualTo("after");

            long heapAfter = usedHeapAfterGc();
            System.out.printf("slow-consumer: closed after %d messages of %d chars (%d MiB flooded); "
                            + "max queued on the slow connection %d bytes (limit %d); heap used %d MiB before, %d MiB after%n",
                    sent, MESSAGE_CHARS, (long) sent * MESSAGE_CHARS / (1024 * 1024), maxQueuedBytes, MAX_BYTES,
                    heapBefore / (1024 * 1024), heapAfter / (1024 * 1024));
            assertThat(heapAfter - heapBefore).as("heap growth after the flood").isLessThan(32L * 1024 * 1024);
        }
    }

    static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
