package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ReadyEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many threads open and close real connections, join and leave groups and fan out, all at once;
 * when every client has gone, every registry is empty.
 */
class ConcurrencyTest {

    static final int THREADS = 8;
    static final int CONNECTIONS_PER_THREAD = 30;

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ReadyEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");

    private final Connections connections = server.bean(Connections.class);

    @Test
    void registriesEndEmptyAfterConcurrentChurn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        AtomicBoolean churning = new AtomicBoolean(true);
        AtomicInteger groupChanges = new AtomicInteger();
        try {
            CompletableFuture<Integer> fanOut = CompletableFuture.supplyAsync(() -> {
                int rounds = 0;
                while (churning.get()) {
                    connections.broadcast("tick");
                    connections.sendToGroup("g" + rounds % 4, "group tick");
                    connections.sendToGroup("g" + rounds % 4, "admin", "admin tick");
                    rounds++;
                }
                return rounds;
            }, pool);

            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(CompletableFuture.runAsync(() -> churn(thread, groupChanges), pool));
            }
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            churning.set(false);
            int rounds = fanOut.get(30, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(20)).until(() -> connections.count() == 0);
            assertThat(connections.identifiers()).isEmpty();
            assertThat(connections.groups()).isEmpty();
            for (int g = 0; g < 4; g++) {
                assertThat(connections.groupMembers("g" + g)).isEmpty();
            }
            System.out.printf("concurrency: %d connections opened and closed by %d threads, %d group changes, %d fan-out rounds%n",
                    THREADS * CONNECTIONS_PER_THREAD, THREADS, groupChanges.get(), rounds);
        } finally {
            churning.set(false);
            pool.shutdownNow();
        }
    }

    /** Keeps up to three connections open, over three identifiers shared with no other thread. */
    private void churn(int thread, AtomicInteger groupChanges) {
        Deque<TestClient> open = new ArrayDeque<>();
        try {
            for (int i = 0; i < CONNECTIONS_PER_THREAD; i++) {
                String user = "t" + thread + "-u" + i % 3;
                open.addLast(ReadyEndpoint.connectAs(server, user));
                connections.addToGroup(user, "g" + i % 4, i % 2 == 0 ? "admin" : Connections.DEFAULT_ROLE);
                connections.addToGroup(user, "g" + (i + 1) % 4);
                if (i % 3 == 0) {
                    connections.removeFromGroup(user, "g" + (i + 1) % 4);
                }
                groupChanges.addAndGet(i % 3 == 0 ? 3 : 2);
                if (open.size() > 3) {
                    open.removeFirst().close();
                }
            }
        } finally {
            open.forEach(TestClient::close);
        }
    }
}
