package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.InMemoryGrid;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static io.hauyna.jakarta.testing.HistoryFrames.handled;
import static io.hauyna.jakarta.testing.HistoryFrames.read;
import static io.hauyna.jakarta.testing.HistoryFrames.say;
import static io.hauyna.jakarta.testing.HistoryFrames.since;
import static io.hauyna.jakarta.testing.HistoryFrames.subscribe;
import static io.hauyna.jakarta.testing.ProtocolEndpoint.connectAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * One clustered node over real sockets whose grid ({@link InMemoryGrid}) the test changes behind its
 * back: the node delivers a history channel in offset order whatever the grid does. A message
 * appended by a node that died before sending it on is read from the grid; one the grid no longer
 * keeps is skipped; a grid that stops answering gets clients a typed {@code unavailable}, and the
 * message still goes out in its turn. (Several real nodes: {@code HistoryAcrossNodesTest}.)
 */
class GridHistoryOrderTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .withBeans(InMemoryGrid.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.HISTORY_CHANNELS, "room:")
            .with(HauynaConfigKeys.RATE_LIMIT_PER_SECOND, "0");

    private final InMemoryGrid grid = server.bean(InMemoryGrid.class);
    private final Connections connections = server.bean(Connections.class);

    @AfterEach
    void allGone() {
        grid.answerAgain();
        await().until(() -> connections.count() == 0);
    }

    private static String ghost(String channel, String text) {
        return "{\"type\":\"channel_message\",\"channel\":\"" + channel + "\",\"from\":\"ghost\",\"message\":{\"text\":\"" + text + "\"}}";
    }

    /** @return "offset:text" of the next channel messages */
    private static List<String> received(TestClient client, int count) {
        return client.next(count).stream().map(frame -> {
            JsonObject json = read(frame);
            return json.getJsonNumber("offset").longValue() + ":" + json.getJsonObject("message").getString("text");
        }).toList();
    }

    @Test
    void aMessageThatNeverArrivedFromItsNodeIsReadFromTheGridAndDeliveredInItsPlace() {
        try (TestClient bob = connectAs(server, "bob"); TestClient alice = connectAs(server, "alice")) {
            subscribe(bob, "room:lost", null);
            subscribe(alice, "room:lost", null);
            say(alice, "room:lost", "one");
            assertThat(received(bob, 1)).containsExactly("1:one");
            grid.appendElsewhere("room:lost", ghost("room:lost", "two"));
            say(alice, "room:lost", "three");
            long waiting = System.nanoTime();

            assertThat(received(bob, 2)).containsExactly("2:two", "3:three");
            assertThat(Duration.ofNanos(System.nanoTime() - waiting)).as("three waited for two").isGreaterThan(Duration.ofMillis(300));
            assertThat(server.bean(Channels.class).history("room:lost", 10)).as("the server reads the grid")
                    .extracting(HistoryMessage::from, HistoryMessage::message)
                    .containsExactly(tuple("alice", "{\"text\":\"one\"}"), tuple("ghost", "{\"text\":\"two\"}"), tuple("alice", "{\"text\":\"three\"}"));
        }
    }

    @Test
    void aMessageTheGridNoLongerKeepsIsSkippedAndTheOthersStillComeInOrder() {
        try (TestClient bob = connectAs(server, "bob"); TestClient alice = connectAs(server, "alice")) {
            subscribe(bob, "room:gone", null);
            subscribe(alice, "room:gone", null);
            say(alice, "room:gone", "one");
            handled(alice);
            grid.appendElsewhere("room:gone", ghost("room:gone", "two"));
            grid.forget("room:gone", 2);
            say(alice, "room:gone", "three");
            say(alice, "room:gone", "four");

            assertThat(received(bob, 3)).containsExactly("1:one", "3:three", "4:four");
        }
    }

    @Test
    void aClientResumingFromAnOffsetThisNodeHasNotDeliveredYetGetsWhatFollowsIt() {
        try (TestClient alice = connectAs(server, "alice")) {
            JsonObject position = subscribe(alice, "room:ahead", null);
            say(alice, "room:ahead", "one");
            handled(alice);
            grid.appendElsewhere("room:ahead", ghost("room:ahead", "two"));
            // The client saw offset 2 on its old node; this node has not delivered it yet.
            try (TestClient bob = connectAs(server, "bob")) {
                JsonObject data = subscribe(bob, "room:ahead", since(2, position.getString("epoch")));
                assertThat(data.getBoolean("recovered")).as(data.toString()).isTrue();
                assertThat(data.getJsonNumber("offset").longValue()).isEqualTo(2);
                say(alice, "room:ahead", "three");
                assertThat(received(bob, 1)).as("nothing replayed twice, then live").containsExactly("3:three");
            }
        }
    }

    @Test
    void aGridThatStopsAnsweringGetsClientsUnavailableAndTheLateMessageStillComesInItsTurn() {
        try (TestClient bob = connectAs(server, "bob"); TestClient alice = connectAs(server, "alice")) {
            subscribe(bob, "room:slow", null);
            subscribe(alice, "room:slow", null);
            grid.hang();
            alice.send("{\"type\":\"channel_message\",\"channel\":\"room:slow\",\"message\":{\"text\":\"late\"},\"ref\":1}");
            JsonObject reply = read(alice.next());
            assertThat(reply.getString("status")).isEqualTo("error");
            assertThat(reply.getString("error_type")).isEqualTo("unavailable");
            try (TestClient carol = connectAs(server, "carol")) {
                carol.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:new\",\"ref\":2}");
                assertThat(read(carol.next()).getString("error_type")).as("a new channel cannot load its history").isEqualTo("unavailable");
            }
            bob.expectNothing(Duration.ofMillis(200));

            grid.answerAgain();
            assertThat(received(bob, 1)).containsExactly("1:late");
        }
    }
}
