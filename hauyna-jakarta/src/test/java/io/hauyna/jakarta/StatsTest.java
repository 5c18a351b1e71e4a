package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The figures of {@link HauynaStats} and of the MXBean follow what real clients do. The server is
 * shared by the tests, so each compares a snapshot after with one before.
 */
class StatsTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.RATE_LIMIT_PER_SECOND, "5")
            .with(HauynaConfigKeys.IDENTITY_ALLOW_ANONYMOUS, "false")
            .with(HauynaConfigKeys.RATE_LIMIT_BURST, "5");

    private final HauynaStats stats = server.bean(HauynaStats.class);
    private final Channels channels = server.bean(Channels.class);
    private final Connections connections = server.bean(Connections.class);

    @Test
    void countsConnectionsFramesDeliveriesAndCloses() {
        StatsSnapshot before = stats.snapshot();
        try (TestClient ana = ProtocolEndpoint.connectAs(server, "ana");
             TestClient bob = ProtocolEndpoint.connectAs(server, "bob")) {
            ProtocolEndpoint.join(ana, "room:stats", "{}");
            ProtocolEndpoint.join(bob, "room:stats", "{}");

            StatsSnapshot open = stats.snapshot();
            assertThat(open.activeConnections()).isEqualTo(before.activeConnections() + 2);
            assertThat(open.connectionsOpened()).isEqualTo(before.connectionsOpened() + 2);
            assertThat(open.channels()).isEqualTo(before.channels() + 1);
            assertThat(open.subscriptions()).isEqualTo(before.subscriptions() + 2);
            // Two pings and two joins, each answered once.
            assertThat(open.framesReceived()).isEqualTo(before.framesReceived() + 4);
            assertThat(open.framesSent()).isEqualTo(before.framesSent() + 4);

            assertThat(channels.broadcastTo("room:stats", Map.of("n", 1))).isEqualTo(2);
            String delivered = ana.next();
            assertThat(delivered).contains("\"n\":1");
            assertThat(bob.next()).isEqualTo(delivered);

            StatsSnapshot after = stats.snapshot();
            assertThat(after.deliveries()).isEqualTo(open.deliveries() + 2);
            assertThat(after.framesSent()).isEqualTo(open.framesSent() + 2);
            assertThat(after.bytesSent() - open.bytesSent()).isEqualTo(2L * delivered.getBytes(StandardCharsets.UTF_8).length);
            assertThat(after.publishDurations().count()).isEqualTo(open.publishDurations().count() + 1);
            assertThat(after.publishDurations().max()).isPositive();
            assertThat(after.queuedMessages()).isZero();

            // Hauyna knows the code it closes with; the client's own close reaches an @OnClose
            // without a CloseReason parameter (ProtocolEndpoint's), so its code stays unknown.
            connections.connectionsOf("bob").get(0).close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "bye"));
            assertThat(bob.awaitClose().getCloseCode().getCode()).isEqualTo(1001);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            StatsSnapshot closed = stats.snapshot();
            assertThat(closed.activeConnections()).isEqualTo(before.activeConnections());
            assertThat(closed.connectionsClosed()).isEqualTo(before.connectionsClosed() + 2);
            assertThat(increase(before, closed, "1001")).isEqualTo(1);
            assertThat(increase(before, closed, "unknown")).isEqualTo(1);
            assertThat(closed.subscriptions()).isEqualTo(before.subscriptions());
        });
    }

    private static long increase(StatsSnapshot before, StatsSnapshot after, String code) {
        return after.connectionsClosedByCode().getOrDefault(code, 0L) - before.connectionsClosedByCode().getOrDefault(code, 0L);
    }

    @Test
    void countsRefusedUpgradesAndRateLimitedFrames() {
        StatsSnapshot before = stats.snapshot();
        // Tyrus on its own cannot answer an upgrade with a status: the refusal arrives as a close.
        try (TestClient stranger = TestClient.connect(server.uri("/protocol"))) {
            assertThat(stranger.awaitClose().getCloseCode().getCode()).isEqualTo(1008);
        }

        try (TestClient flooder = ProtocolEndpoint.connectAs(server, "flooder")) {
            for (int i = 0; i < 8; i++) {
                flooder.send("{\"type\":\"ping\",\"ref\":" + i + "}");
            }
            long limited = flooder.next(8).stream().filter(frame -> frame.contains("\"rate_limited\"")).count();
            assertThat(limited).isPositive();

            StatsSnapshot after = stats.snapshot();
            assertThat(after.rateLimitedFrames()).isEqualTo(before.rateLimitedFrames() + limited);
            assertThat(after.handshakeRefusalsByStatus().getOrDefault(401, 0L))
                    .isEqualTo(before.handshakeRefusalsByStatus().getOrDefault(401, 0L) + 1);
            assertThat(after.connectionsOpened()).isEqualTo(before.connectionsOpened() + 1);
            assertThat(after.connectionsRefused()).isEqualTo(before.connectionsRefused());
        }
    }

    @Test
    void theMXBeanShowsTheSameFigures() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("io.hauyna:type=Hauyna,app=\"hauyna\"");
        try (TestClient carl = ProtocolEndpoint.connectAs(server, "carl")) {
            // The MXBean answers from a snapshot at most a second old.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(jmx.getAttribute(name, "ActiveConnections")).isEqualTo(stats.snapshot().activeConnections()));
            assertThat((long) jmx.getAttribute(name, "ConnectionsOpened")).isPositive();
            assertThat(jmx.getAttribute(name, "Clustered")).isEqualTo(false);
            // Weld SE has no ManagedScheduledExecutorService: Hauyna's own thread runs the background work.
            assertThat(jmx.getAttribute(name, "BackgroundExecutor")).isEqualTo("hauyna-scheduler");
            TabularData closes = (TabularData) jmx.getAttribute(name, "ConnectionsClosedByCode");
            for (Object row : closes.values()) {
                CompositeData entry = (CompositeData) row;
                assertThat(stats.snapshot().connectionsClosedByCode()).containsKey((String) entry.get("key"));
            }
        }
    }

    @Test
    void perFrameCountingCanBeSwitchedOffAndOnThroughTheMXBean() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("io.hauyna:type=Hauyna,app=\"hauyna\"");
        try (TestClient dora = ProtocolEndpoint.connectAs(server, "dora")) {
            assertThat(jmx.getAttribute(name, "PerFrameCounting")).isEqualTo(true);
            jmx.setAttribute(name, new Attribute("PerFrameCounting", false));
            try {
                StatsSnapshot before = stats.snapshot();
                dora.send("{\"type\":\"ping\",\"ref\":1}");
                assertThat(dora.next()).contains("\"ref\":1");
                StatsSnapshot uncounted = stats.snapshot();
                assertThat(uncounted.framesReceived()).isEqualTo(before.framesReceived());
                assertThat(uncounted.framesSent()).isEqualTo(before.framesSent());
            } finally {
                jmx.setAttribute(name, new Attribute("PerFrameCounting", true));
            }
            StatsSnapshot before = stats.snapshot();
            dora.send("{\"type\":\"ping\",\"ref\":2}");
            assertThat(dora.next()).contains("\"ref\":2");
            assertThat(stats.snapshot().framesReceived()).isEqualTo(before.framesReceived() + 1);
        }
    }
}
