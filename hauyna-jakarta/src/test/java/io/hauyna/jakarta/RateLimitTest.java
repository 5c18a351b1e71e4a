package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A flood gets rate_limited and then closed; a second client and a normal pace are unaffected. */
class RateLimitTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.RATE_LIMIT_PER_SECOND, "10")
            .with(HauynaConfigKeys.RATE_LIMIT_BURST, "20");

    @Test
    void aBurstIsLimitedThenClosedWhileAnotherClientChats() {
        try (TestClient flooder = ProtocolEndpoint.connectAs(server, "flooder");
             TestClient neighbour = ProtocolEndpoint.connectAs(server, "neighbour")) {
            int sent = 0;
            long start = System.nanoTime();
            try {
                // 100 frames (3 KB) take the 20 of the burst, the 21 refusals in a row that close the
                // connection, and what the rate refills meanwhile. A flood larger than the server
                // reads at once (1,000 frames did it once in many runs) leaves bytes unread in the
                // server's socket when it closes; the kernel then resets the connection, and a
                // client that had not yet read the 4029 close frame sees 1006 instead.
                for (int i = 0; i < 100; i++) {
                    flooder.send("{\"type\":\"ping\",\"ref\":" + i + "}");
                    sent++;
                }
            } catch (RuntimeException | AssertionError closedMeanwhile) {
                // The server closed the flooder; the rest of the burst cannot be sent.
            }
            CloseReason reason = flooder.awaitClose();
            double seconds = (System.nanoTime() - start) / 1e9;
            List<String> received = flooder.drain();
            long pongs = received.stream().filter(frame -> frame.startsWith("{\"type\":\"pong\"")).count();
            long limited = received.stream().filter(frame -> frame.equals("{\"type\":\"error\",\"error_type\":\"rate_limited\","
                    + "\"message\":\"Too many messages: at most 10 per second (bursts of 20); this one was discarded\"}")).count();

            assertThat(reason.getCloseCode().getCode()).isEqualTo(HauynaCloseCodes.RATE_LIMIT_EXCEEDED.getCode());
            assertThat(reason.getReasonPhrase()).isEqualTo("Rate limit exceeded");
            assertThat(limited).isPositive();
            // The burst (20, less the connect ping's token) plus what 10/s refilled while the flood lasted.
            assertThat(pongs).isBetween(15L, (long) (20 + 10 * seconds + 1));
            System.out.printf("rate-limit: %d frames sent in a burst, %d answered with pong, %d with rate_limited, then closed with %d%n",
                    sent, pongs, limited, reason.getCloseCode().getCode());

            neighbour.send("{\"type\":\"ping\",\"ref\":\"fine\"}");
            assertThat(neighbour.next()).isEqualTo("{\"type\":\"pong\",\"ref\":\"fine\"}");
        }
    }

    @Test
    void aNormalPaceIsNeverLimited() throws InterruptedException {
        try (TestClient chatter = ProtocolEndpoint.connectAs(server, "chatter")) {
            for (int i = 0; i < 40; i++) {
                chatter.send("{\"type\":\"ping\",\"ref\":" + i + "}");
                assertThat(chatter.next()).isEqualTo("{\"type\":\"pong\",\"ref\":" + i + "}");
                Thread.sleep(120);
            }
        }
    }
}
