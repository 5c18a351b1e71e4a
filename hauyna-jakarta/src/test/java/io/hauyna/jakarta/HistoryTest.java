package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static io.hauyna.jakarta.testing.HistoryFrames.handled;
import static io.hauyna.jakarta.testing.HistoryFrames.read;
import static io.hauyna.jakarta.testing.HistoryFrames.say;
import static io.hauyna.jakarta.testing.HistoryFrames.since;
import static io.hauyna.jakarta.testing.HistoryFrames.subscribe;
import static io.hauyna.jakarta.testing.ProtocolEndpoint.connectAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * History channels over real sockets: offsets and epochs on every message, and a subscriber that
 * resumes gets exactly what it missed, in order, before any live message, even while others keep
 * publishing; or {@code recovered: false} with the reason.
 */
class HistoryTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.HISTORY_CHANNELS, "room:, small: size=10, brief: ttl=1")
            .with(HauynaConfigKeys.HISTORY_SIZE, "1000")
            .with(HauynaConfigKeys.RATE_LIMIT_PER_SECOND, "0");

    private final Connections connections = server.bean(Connections.class);

    @AfterEach
    void allGone() {
        await().until(() -> connections.count() == 0);
    }

    /** A channel message as received: offset, epoch and text. */
    private record Received(long offset, String epoch, String text) {
        static Received of(String frame) {
            JsonObject json = read(frame);
            assertThat(json.getString("type")).as(frame).isEqualTo("channel_message");
            return new Received(json.getJsonNumber("offset").longValue(), json.getString("epoch"),
                    json.getJsonObject("message").getString("text"));
        }
    }

    @Test
    void aSubscriberThatComesBackGetsWhatItMissedInOrderThenLiveMessages() {
        String epoch;
        long seen;
        try (TestClient bob = connectAs(server, "bob")) {
            subscribe(bob, "room:a", null);
            try (TestClient alice = connectAs(server, "alice")) {
                JsonObject position = subscribe(alice, "room:a", null);
                epoch = position.getString("epoch");
                long start = position.getJsonNumber("offset").longValue();
                for (int i = 1; i <= 3; i++) {
                    say(bob, "room:a", "before " + i);
                }
                List<Received> live = alice.next(3).stream().map(Received::of).toList();
                assertThat(live).extracting(Received::offset).containsExactly(start + 1, start + 2, start + 3);
                assertThat(live).extracting(Received::epoch).containsOnly(epoch);
                seen = live.get(2).offset();
            }
            for (int i = 1; i <= 100; i++) {
                say(bob, "room:a", "missed " + i);
            }
            handled(bob);
            try (TestClient alice = connectAs(server, "alice")) {
                JsonObject resumed = subscribe(alice, "room:a", since(seen, epoch));
                assertThat(resumed.getBoolean("recovered")).isTrue();
                assertThat(resumed.getString("epoch")).isEqualTo(epoch);
                assertThat(resumed.getJsonNumber("offset").longValue()).isEqualTo(seen + 100);
                List<Received> replay = alice.next(100).stream().map(Received::of).toList();
                assertThat(replay).extracting(Received::text).containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 100).mapToObj(i -> "missed " + i).toList());
                say(bob, "room:a", "live");
                assertThat(Received.of(alice.next())).isEqualTo(new Received(seen + 101, epoch, "live"));
            }
        }
    }

    @Test
    void resumingWhileOthersKeepPublishingLosesDuplicatesAndReordersNothing() throws Exception {
        try (TestClient alice = connectAs(server, "alice"); TestClient bob = connectAs(server, "bob")) {
            subscribe(bob, "room:busy", null);
            JsonObject position = subscribe(alice, "room:busy", null);
            String epoch = position.getString("epoch");
            long last = position.getJsonNumber("offset").longValue();
            AtomicBoolean publishing = new AtomicBoolean(true);
            AtomicInteger sent = new AtomicInteger();
            Thread publisher = new Thread(() -> {
                while (publishing.get()) {
                    say(bob, "room:busy", "m" + sent.incrementAndGet());
                    try {
                        Thread.sleep(1); // about a thousand a second: a replay stays within alice's queue
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            });
            publisher.start();
            List<Long> offsets = new ArrayList<>();
            TestClient current = alice;
            for (int round = 0; round < 5; round++) {
                await().until(() -> sent.get() > 50);
                // Read some, then drop the connection and come back from the last offset read.
                for (int i = 0; i < 20; i++) {
                    Received message = Received.of(current.next());
                    offsets.add(message.offset());
                    last = message.offset();
                }
                current.close();
                sent.set(0);
                current = connectAs(server, "alice");
                JsonObject resumed = subscribe(current, "room:busy", since(last, epoch));
                assertThat(resumed.getBoolean("recovered")).as(resumed.toString()).isTrue();
            }
            publishing.set(false);
            publisher.join();
            handled(bob);
            long total = topOf("room:busy");
            // Whatever is left: replay, then live, up to the last message bob published.
            while (last < total) {
                Received message = Received.of(current.next());
                offsets.add(message.offset());
                last = message.offset();
            }
            current.close();
            long first = offsets.get(0);
            assertThat(offsets).as("every offset from the first to the last, once, in order")
                    .containsExactlyElementsOf(LongStream.rangeClosed(first, total).boxed().toList());
        }
    }

    /** @return the channel's last offset, read by a fresh subscriber */
    private static long topOf(String channel) {
        try (TestClient probe = connectAs(server, "probe")) {
            return subscribe(probe, channel, null).getJsonNumber("offset").longValue();
        }
    }

    @Test
    void aPositionNoLongerKeptOrFromAnotherStreamIsNotRecovered() {
        try (TestClient bob = connectAs(server, "bob"); TestClient alice = connectAs(server, "alice")) {
            JsonObject position = subscribe(bob, "small:a", null);
            String epoch = position.getString("epoch");
            for (int i = 1; i <= 20; i++) {
                say(bob, "small:a", "m" + i);
            }
            handled(bob);
            JsonObject now = subscribe(alice, "small:a", null);
            long top = now.getJsonNumber("offset").longValue();

            JsonObject tooOld = subscribe(alice, "small:a", since(top - 15, epoch));
            assertThat(tooOld.getBoolean("recovered")).isFalse();
            assertThat(tooOld.getString("reason")).isEqualTo("too_old");
            JsonObject otherStream = subscribe(alice, "small:a", since(top, "an-old-epoch"));
            assertThat(otherStream.getString("reason")).isEqualTo("epoch_changed");
            JsonObject ahead = subscribe(alice, "small:a", since(top + 5, epoch));
            assertThat(ahead.getString("reason")).isEqualTo("offset_ahead");
            JsonObject kept = subscribe(alice, "small:a", since(top - 10, epoch));
            assertThat(kept.getBoolean("recovered")).as("the last 10 are kept").isTrue();
            assertThat(alice.next(10).stream().map(Received::of).map(Received::offset).toList())
                    .isEqualTo(LongStream.rangeClosed(top - 9, top).boxed().toList());
            alice.expectNothing(Duration.ofMillis(200));
        }
    }

    @Test
    void whereNoHistoryIsKeptSinceJoinsWithoutRecoveringAndAMalformedSinceIsRefused() {
        try (TestClient alice = connectAs(server, "alice")) {
            JsonObject plain = subscribe(alice, "plain:a", since(1, "x"));
            assertThat(plain.getBoolean("recovered")).isFalse();
            assertThat(plain.getString("reason")).isEqualTo("no_history");
            for (String malformed : List.of("{\"offset\":-1,\"epoch\":\"x\"}", "{\"offset\":1}", "{\"offset\":1.5,\"epoch\":\"x\"}",
                    "{\"offset\":18446744073709551621,\"epoch\":\"x\"}", "\"yesterday\"")) {
                alice.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:m\",\"since\":" + malformed + ",\"ref\":2}");
                assertThat(read(alice.next()).getString("error_type")).as(malformed).isEqualTo("invalid_message");
            }
            assertThat(server.bean(Channels.class).subscribedChannels(connections.connectionsOf("alice").get(0).session()))
                    .containsExactly("plain:a");
        }
    }

    @Test
    void aQuietChannelKeepsItsStreamForTheTtlAfterItsLastSubscriberLeft() throws Exception {
        String roomEpoch;
        String briefEpoch;
        try (TestClient alice = connectAs(server, "alice")) {
            roomEpoch = subscribe(alice, "room:quiet", null).getString("epoch");
            briefEpoch = subscribe(alice, "brief:quiet", null).getString("epoch");
        }
        await().until(() -> connections.count() == 0);
        // One sweep (every 5 s) after brief:'s ttl of 1 s, within room:'s 300 s.
        Thread.sleep(7_000);
        try (TestClient alice = connectAs(server, "alice")) {
            JsonObject room = subscribe(alice, "room:quiet", since(0, roomEpoch));
            assertThat(room.getBoolean("recovered")).as("nothing was missed, and the stream is the same").isTrue();
            JsonObject brief = subscribe(alice, "brief:quiet", since(0, briefEpoch));
            assertThat(brief.getString("reason")).as("forgotten after its ttl: a new stream").isEqualTo("epoch_changed");
        }
    }

    @Test
    void thePublisherLearnsItsMessagesPositionAndServerSubscriptionsAreNumberedToo() {
        Channels channels = server.bean(Channels.class);
        try (TestClient alice = connectAs(server, "alice"); TestClient bob = connectAs(server, "bob")) {
            long top = subscribe(alice, "room:numbered", null).getJsonNumber("offset").longValue();
            channels.subscribe("room:numbered", connections.connectionsOf("bob").get(0).session(), Map.of());
            alice.send("{\"type\":\"channel_message\",\"channel\":\"room:numbered\",\"message\":{\"text\":\"hi\"},\"ref\":7}");
            JsonObject reply = read(alice.next());
            assertThat(reply.getJsonObject("data").getJsonNumber("offset").longValue()).isEqualTo(top + 1);
            assertThat(Received.of(bob.next()).offset()).isEqualTo(top + 1);
        }
    }

    @Test
    void theServerPublishesWithHistoryAndBroadcastsWithout() {
        Channels channels = server.bean(Channels.class);
        try (TestClient alice = connectAs(server, "alice")) {
            JsonObject position = subscribe(alice, "room:news", null);
            long top = position.getJsonNumber("offset").longValue();

            assertThat(channels.publish("room:news", Map.of("text", "from the server"))).isEqualTo(1);
            JsonObject published = read(alice.next());
            assertThat(published.getString("from")).isEmpty();
            assertThat(published.getJsonNumber("offset").longValue()).isEqualTo(top + 1);
            assertThat(published.getJsonObject("message").getString("text")).isEqualTo("from the server");

            channels.broadcastTo("room:news", "raw");
            assertThat(alice.next()).isEqualTo("raw");
            channels.publish("room:news", "a string");
            assertThat(read(alice.next()).getString("message")).isEqualTo("a string");
        }
    }

    @Test
    void theServerReadsWhatAChannelKeepsOldestFirst() {
        Channels channels = server.bean(Channels.class);
        assertThat(channels.history("room:unread", 10)).as("nothing kept yet").isEmpty();
        assertThat(channels.history("plain:channel", 10)).as("no history there").isEmpty();
        try (TestClient alice = connectAs(server, "alice")) {
            long top = subscribe(alice, "small:read", null).getJsonNumber("offset").longValue();
            for (int i = 1; i <= 12; i++) {
                say(alice, "small:read", "m" + i);
            }
            handled(alice);
            channels.publish("small:read", Map.of("text", "from the server"));

            List<HistoryMessage> kept = channels.history("small:read", 100);
            assertThat(kept).as("the channel keeps 10").hasSize(10);
            assertThat(kept).extracting(HistoryMessage::offset).isEqualTo(LongStream.rangeClosed(top + 4, top + 13).boxed().toList());
            assertThat(kept.get(0)).isEqualTo(new HistoryMessage(top + 4, kept.get(0).epoch(), "alice", "{\"text\":\"m4\"}"));
            assertThat(kept.get(9).from()).isEmpty();
            assertThat(channels.history("small:read", 2)).extracting(HistoryMessage::message)
                    .containsExactly("{\"text\":\"m12\"}", "{\"text\":\"from the server\"}");
            assertThatThrownBy(() -> channels.history("small:read", 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
