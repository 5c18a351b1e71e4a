package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.ChannelEventLog;
import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ReadyEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Threads broadcast to a channel while others subscribe and unsubscribe all around it: every
 * subscriber gets exactly every message once, and every registry ends empty.
 */
class ChannelStressTest {

    static final int RECEIVERS = 20;
    static final int BROADCASTERS = 4;
    static final int MESSAGES_PER_BROADCASTER = 250;
    static final int CHURNERS = 4;
    static final int CHURN_ROUNDS = 200;

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ReadyEndpoint.class)
            .withBeans(ChannelEventLog.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");

    private final Channels channels = server.bean(Channels.class);
    private final Connections connections = server.bean(Connections.class);

    @Test
    void exactDeliveryAndEmptyRegistriesAfterConcurrentChurn() throws Exception {
        List<TestClient> receivers = new ArrayList<>();
        List<TestClient> churners = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(BROADCASTERS + CHURNERS);
        try {
            for (int r = 0; r < RECEIVERS; r++) {
                receivers.add(ReadyEndpoint.connectAs(server, "receiver" + r));
                channels.subscribe("stress", connections.connectionsOf("receiver" + r).get(0).session(), Map.of("n", r));
            }
            for (int c = 0; c < CHURNERS; c++) {
                churners.add(ReadyEndpoint.connectAs(server, "churner" + c));
            }
            AtomicInteger accepted = new AtomicInteger();
            List<CompletableFuture<Void>> work = new ArrayList<>();
            for (int b = 0; b < BROADCASTERS; b++) {
                int broadcaster = b;
                work.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < MESSAGES_PER_BROADCASTER; i++) {
                        accepted.addAndGet(channels.broadcastTo("stress", "b" + broadcaster + "-" + i));
                    }
                }, pool));
            }
            for (int c = 0; c < CHURNERS; c++) {
                Session session = connections.connectionsOf("churner" + c).get(0).session();
                int churner = c;
                work.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < CHURN_ROUNDS; i++) {
                        String channel = "churn-" + i % 5;
                        channels.subscribe(channel, session, Map.of("round", i));
                        channels.broadcastFrom(session, channel, "churn " + churner);
                        channels.unsubscribe(channel, session);
                    }
                }, pool));
            }
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            int expected = BROADCASTERS * MESSAGES_PER_BROADCASTER;
            assertThat(accepted.get()).isEqualTo(expected * RECEIVERS);
            for (TestClient receiver : receivers) {
                Set<String> distinct = new HashSet<>(receiver.next(expected));
                assertThat(distinct).hasSize(expected);
                receiver.expectNothing(Duration.ofMillis(50));
            }
            assertThat(channels.channels()).containsExactly("stress");
            ChannelEventLog log = server.bean(ChannelEventLog.class);
            for (int i = 0; i < 5; i++) {
                assertThat(log.count(ChannelJoined.class, "churn-" + i)).isEqualTo(log.count(ChannelLeft.class, "churn-" + i));
            }
            System.out.printf("channel-stress: %d receivers x %d messages = %d deliveries, each exactly once; %d churn subscribe/unsubscribe pairs%n",
                    RECEIVERS, expected, accepted.get(), CHURNERS * CHURN_ROUNDS);
        } finally {
            pool.shutdownNow();
            receivers.forEach(TestClient::close);
            churners.forEach(TestClient::close);
        }
        await().until(() -> connections.count() == 0);
        assertThat(channels.channels()).isEmpty();
        assertThat(server.bean(ChannelEventLog.class).count(ChannelLeft.class, "stress")).isEqualTo(RECEIVERS);
    }
}
