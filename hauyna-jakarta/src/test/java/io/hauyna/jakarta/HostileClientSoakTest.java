package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.HostileFrames;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import org.glassfish.tyrus.client.ClientManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client at the highest rate the default limits allow (20 frames/s), for several minutes,
 * trying every way to make the server keep data: new channels with the largest metadata, replaced
 * metadata, growing presence state, events, messages to itself, and generated hostile frames. The
 * server's heap after a full GC and the log lines it wrote are reported; the heap must level off
 * and the log must stay silent.
 *
 * <p>Not part of {@code ./mvnw verify}, as it runs for minutes:
 * {@code ./mvnw -pl hauyna-jakarta test -Psoak -Dsoak.minutes=5}. It writes
 * {@code target/soak-report.txt}. The server and this client share one JVM (the client keeps only
 * counters), so the heap figures include one client connection.
 */
@Tag("soak")
class HostileClientSoakTest {

    static final int METADATA_BYTES = HauynaConfigKeys.DEFAULT_LIMITS_SUBSCRIPTION_METADATA_BYTES;

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.PRESENCE_CHANNELS, "*");

    /** Counts what arrives and keeps nothing else. */
    static final class CountingClient extends Endpoint {
        final Map<String, Long> answers = new TreeMap<>();
        final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
        final AtomicLong received = new AtomicLong();

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::count);
        }

        private synchronized void count(String frame) {
            received.incrementAndGet();
            int at = frame.indexOf("\"error_type\":\"");
            String kind = at >= 0 ? frame.substring(at + 14, frame.indexOf('"', at + 14))
                    : frame.substring(9, Math.max(9, frame.indexOf('"', 9)));
            answers.merge(kind, 1L, Long::sum);
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            closed.complete(reason);
        }
    }

    @Test
    void aClientAtTheRateLimitCannotGrowTheHeapOrTheLog() throws Exception {
        Duration duration = Duration.ofSeconds((long) (Double.parseDouble(System.getProperty("soak.minutes", "3")) * 60));
        AtomicLong logLines = new AtomicLong();
        Handler counter = countingHandler(logLines);
        Logger root = Logger.getLogger("");
        root.addHandler(counter);
        List<String> report = new ArrayList<>();
        try {
            List<String> hostile = HostileFrames.sample(7, 2_000, HauynaConfigKeys.DEFAULT_INBOUND_MAX_MESSAGE_BYTES);
            IntFunction<String> attempts = attempt(hostile);
            CountingClient client = new CountingClient();
            Session session = ClientManager.createClient().connectToServer(client, ClientEndpointConfig.Builder.create().build(),
                    server.uri("/protocol?user_id=soaker"));
            session.getBasicRemote().sendText("{\"type\":\"ping\"}");
            // Measured with the client's frames drawn and its connection open: what follows is what the server keeps for it.
            long heapBefore = heapAfterGc();
            long start = System.nanoTime();
            long sent = 0;
            long nextSample = 0;
            List<Long> heapSamples = new ArrayList<>();
            while (System.nanoTime() - start < duration.toNanos() && !client.closed.isDone()) {
                session.getBasicRemote().sendText(attempts.apply((int) sent));
                sent++;
                // 20 per second on average: exactly the default rate, never over the burst.
                long due = start + sent * 50_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                if (System.nanoTime() - start >= nextSample) {
                    heapSamples.add(heapAfterGc() / 1024);
                    nextSample += Duration.ofSeconds(30).toNanos();
                }
            }
            long heapWhileConnected = heapAfterGc();
            boolean openAtTheEnd = !client.closed.isDone();
            session.close();
            Thread.sleep(500);
            long heapAfterLeaving = heapAfterGc();

            report.add("Soak: one client at 20 frames/s for " + duration.toSeconds() + " s: " + sent + " frames sent, "
                    + client.received.get() + " received");
            report.add("Answers by type: " + client.answers);
            report.add("Heap after GC: with the client connected and idle " + heapBefore / 1024 + " KiB, at the end of the soak " + heapWhileConnected / 1024
                    + " KiB, after the client left " + heapAfterLeaving / 1024 + " KiB");
            report.add("Heap after GC every 30 s (KiB): " + heapSamples);
            report.add("Log lines written at INFO or above during the soak: " + logLines.get());
            report.add("Still open at the end of the soak: " + openAtTheEnd);
            report.forEach(System.out::println);
            Files.write(Path.of("target", "soak-report.txt"), report, StandardCharsets.UTF_8);

            assertThat(openAtTheEnd).as("the rate limit allows exactly this pace").isTrue();
            assertThat(logLines.get()).as("nothing a client does by itself is logged at INFO or above").isZero();
            assertThat(heapWhileConnected - heapBefore).as("what one connection may hold is bounded").isLessThan(64L * 1024 * 1024);
        } finally {
            root.removeHandler(counter);
        }
    }

    /** Cycles through every way to store data, then a generated hostile frame. */
    private static IntFunction<String> attempt(List<String> hostile) {
        String metadata = "{\"pad\":\"" + "m".repeat(METADATA_BYTES - 10) + "\"}";
        return n -> switch (n % 8) {
            case 0 -> "{\"type\":\"subscribe_channel\",\"channel\":\"soak:" + n + "\",\"metadata\":" + metadata + "}";
            case 1 -> "{\"type\":\"subscribe_channel\",\"channel\":\"soak:" + (n % 1024) + "\",\"metadata\":{\"v\":" + n + "}}";
            case 2 -> "{\"type\":\"presence_update\",\"state\":{\"k" + n + "\":\"" + "p".repeat(200) + "\"}}";
            case 3 -> "{\"type\":\"event\",\"event\":\"store_" + n + "\",\"data\":\"" + "e".repeat(1000) + "\"}";
            case 4 -> "{\"type\":\"direct_message\",\"to\":\"soaker\",\"message\":\"" + "d".repeat(500) + "\"}";
            case 5 -> "{\"type\":\"channel_message\",\"channel\":\"soak:" + (n - 5) + "\",\"message\":\"" + "c".repeat(500) + "\"}";
            case 6 -> "{\"type\":\"unsubscribe_channel\",\"channel\":\"never-joined-" + n + "\"}";
            default -> hostile.get((n / 8) % hostile.size());
        };
    }

    private static Handler countingHandler(AtomicLong lines) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                    lines.incrementAndGet();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
