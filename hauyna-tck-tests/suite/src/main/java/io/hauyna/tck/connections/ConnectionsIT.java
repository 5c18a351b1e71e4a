package io.hauyna.tck.connections;

import io.hauyna.jakarta.testing.RawWebSocket;
import io.hauyna.jakarta.testing.StalledClient;
import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.tck.TckArchive;
import io.hauyna.tck.TckUris;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Connections, groups and sends, black-box, on a real server. */
@ExtendWith(ArquillianExtension.class)
class ConnectionsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TckArchive.war("tck-connections", CommandEndpoint.class, ManualEndpoint.class);
    }

    @ArquillianResource
    URL base;

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** Connects as {@code user} to {@code /commands/{room}} and returns the welcome frame. */
    private TestClient connect(String user, String room) {
        TestClient client = TestClient.connect(TckUris.ws(base, "/commands/" + room + "?user_id=" + user));
        opened.add(client);
        welcome = json(client.next());
        assertThat(welcome.getString("type")).isEqualTo("welcome");
        return client;
    }

    private JsonObject welcome;

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** Sends a command and returns the next frame, which is its reply unless a fan-out came first. */
    private static String ask(TestClient client, String command) {
        client.send(command);
        return client.next();
    }

    private JsonObject stats(TestClient client) {
        return json(ask(client, "stats"));
    }

    @AfterEach
    void closeAndWaitUntilForgotten() throws Exception {
        for (AutoCloseable client : opened) {
            client.close();
        }
        try (TestClient observer = TestClient.connect(TckUris.ws(base, "/commands/observer?user_id=observer"))) {
            observer.next();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonObject stats = stats(observer);
                return stats.getInt("count") == 1 && stats.getJsonObject("groups").isEmpty();
            });
        }
    }

    @Test
    void theConnectionIsRegisteredBeforeOnOpenWithPathAndQueryKeptApart() {
        connect("alice", "lobby");

        assertThat(welcome.getString("identifier")).isEqualTo("alice");
        assertThat(welcome.getJsonObject("path").toString()).isEqualTo("{\"room\":\"lobby\"}");
        assertThat(welcome.getJsonObject("query").toString()).isEqualTo("{\"user_id\":[\"alice\"]}");
    }

    @Test
    void queryParametersNeverIncludePathParametersEvenWithTheSameName() {
        TestClient client = TestClient.connect(TckUris.ws(base, "/commands/lobby?user_id=bob&room=attic"));
        opened.add(client);
        JsonObject frame = json(client.next());

        assertThat(frame.getJsonObject("path").toString()).isEqualTo("{\"room\":\"lobby\"}");
        assertThat(frame.getJsonObject("query").toString()).isEqualTo("{\"user_id\":[\"bob\"],\"room\":[\"attic\"]}");
    }

    @Test
    void eachConnectionGetsItsOwnInjectedEndpoint() {
        connect("carol", "a");
        String first = welcome.getString("instance");
        connect("carol", "b");

        assertThat(welcome.getString("instance")).isNotEqualTo(first);
    }

    /**
     * Whatever path a server's sends take (on Payara and GlassFish, Tyrus raw frames built once per
     * fan-out), the client gets one unmasked text frame per message, FIN set, no extension bits,
     * and the shortest length encoding (RFC 6455 section 5.2), at each length boundary.
     */
    @Test
    void eachMessageIsOneWholeTextFrameWithTheShortestLength() throws Exception {
        RawWebSocket socket = RawWebSocket.connect(TckUris.ws(base, "/commands/wire?user_id=wire"));
        opened.add(socket);
        assertThat(RawWebSocket.text(socket.nextFrame())).contains("\"welcome\"");
        String[][] messages = {{"1", ""}, {"125", "a"}, {"126", "b"}, {"63", "é"}, {"3", "€😀"}, {"65535", "c"}, {"65536", "d"}};
        for (String[] message : messages) {
            String text = message[1].repeat(Integer.parseInt(message[0]));
            socket.sendText("repeat " + message[0] + " " + message[1]);

            assertThat(socket.nextFrame()).as("%s × '%s'", message[0], message[1]).isEqualTo(RawWebSocket.serverTextFrame(text));
            assertThat(RawWebSocket.text(socket.nextFrame())).isEqualTo("sent 1");
        }
    }

    @Test
    void aMessageToAUserReachesEveryTabOfThatUserOnly() {
        TestClient tab1 = connect("dave", "lobby");
        TestClient tab2 = connect("dave", "lobby");
        TestClient other = connect("erin", "lobby");

        other.send("user dave hi dave");
        assertThat(other.next()).isEqualTo("sent 2");
        assertThat(tab1.next()).isEqualTo("hi dave");
        assertThat(tab2.next()).isEqualTo("hi dave");

        other.send("many dave,erin,dave both");
        assertThat(other.next()).isEqualTo("both");
        assertThat(other.next()).isEqualTo("sent 3");
    }

    @Test
    void groupsCarryRolesAndMessagesCanTargetOneRole() {
        TestClient admin = connect("frank", "lobby");
        TestClient member = connect("grace", "lobby");
        assertThat(ask(admin, "join ops admin")).isEqualTo("joined true");
        assertThat(ask(member, "join ops")).isEqualTo("joined true");

        member.send("role ops admin admins only");
        assertThat(admin.next()).isEqualTo("admins only");
        assertThat(member.next()).isEqualTo("sent 1");

        admin.send("group ops everyone");
        assertThat(admin.next()).isEqualTo("everyone");
        assertThat(admin.next()).isEqualTo("sent 2");
        assertThat(member.next()).isEqualTo("everyone");

        assertThat(ask(member, "leave ops")).isEqualTo("left true");
        assertThat(stats(admin).getJsonObject("groups").toString()).isEqualTo("{\"ops\":[\"frank\"]}");
    }

    @Test
    void membershipEndsWithTheLastConnectionOfTheUser() {
        TestClient tab1 = connect("heidi", "lobby");
        TestClient tab2 = connect("heidi", "lobby");
        ask(tab1, "join team");

        tab1.close();
        TestClient watcher = connect("ivan", "lobby");
        await().until(() -> stats(watcher).getInt("count") == 2);
        assertThat(stats(watcher).getJsonObject("groups").toString()).isEqualTo("{\"team\":[\"heidi\"]}");

        tab2.close();
        await().until(() -> stats(watcher).getJsonObject("groups").isEmpty());
        assertThat(stats(watcher).getJsonArray("identifiers").toString()).isEqualTo("[\"ivan\"]");
    }

    @Test
    void anEndpointThatClosesItsOwnSessionIsUnregistered() {
        TestClient leaver = connect("judy", "lobby");
        TestClient watcher = connect("kim", "lobby");
        ask(leaver, "join leavers");

        leaver.send("close");
        leaver.awaitClose();
        await().until(() -> stats(watcher).getJsonArray("identifiers").toString().equals("[\"kim\"]"));
        assertThat(stats(watcher).getJsonObject("groups").isEmpty()).isTrue();
    }

    @Test
    void anEndpointWithoutTheConfiguratorRegistersByHandAndIsForgottenOnClose() {
        TestClient watcher = connect("mona", "lobby");
        TestClient manual = TestClient.connect(TckUris.ws(base, "/manual?user_id=nick"));
        opened.add(manual);

        assertThat(manual.next()).startsWith("registered nick on ").endsWith("/manual");
        assertThat(stats(watcher).getJsonArray("identifiers").toString()).isEqualTo("[\"mona\",\"nick\"]");
        manual.close();
        await().until(() -> stats(watcher).getJsonArray("identifiers").toString().equals("[\"mona\"]"));
    }

    @Test
    void objectsAreSentAsJson() {
        TestClient client = connect("leo", "lobby");
        client.send("json héllo \"quoted\"");

        JsonObject frame = json(client.next());
        assertThat(frame.getString("text")).isEqualTo("héllo \"quoted\"");
        assertThat(frame.getString("from")).isEqualTo("leo");
    }

    /**
     * A client that stops reading is closed once the kernel's socket buffers and Hauyna's queue
     * (1 MiB) are full, not after the container has buffered megabytes more for it. On Payara and
     * GlassFish this holds only because Hauyna bounds Grizzly's write queue, which otherwise takes
     * four times the socket's send buffer (7.5 MiB here) per connection.
     */
    @Test
    void aStalledReaderIsClosedBeforeTheContainerBuffersMegabytesForIt() throws Exception {
        RawWebSocket stuck = RawWebSocket.connect(TckUris.ws(base, "/commands/lobby?user_id=stuck"), 64 * 1024);
        opened.add(stuck);
        assertThat(RawWebSocket.text(stuck.nextFrame())).contains("\"welcome\"");
        stuck.sendText("join stuck");
        assertThat(RawWebSocket.text(stuck.nextFrame())).isEqualTo("joined true");
        TestClient flooder = connect("flooder", "lobby");

        long acceptedBytes = 0;
        for (int batch = 0; batch < 64; batch++) {
            flooder.send("flood stuck 8 65536");
            int delivered = Integer.parseInt(flooder.next().substring("flooded ".length()));
            acceptedBytes += delivered * 65536L;
            if (delivered < 8) {
                break;
            }
        }

        // kernel: the server's send buffer (at most 4 MiB on Linux) and the client's 64 KiB; Hauyna: 1 MiB
        assertThat(acceptedBytes).as("bytes accepted for the stalled reader before it was closed").isLessThan(8L * 1024 * 1024);
        await().atMost(Duration.ofSeconds(30)).until(() -> stats(flooder).getJsonArray("identifiers").toString().equals("[\"flooder\"]"));
    }

    @Test
    void aBurstReachesEveryMemberWholeAndInOrder() {
        // Sent faster than it can be written, so each connection's queue fills and drains in turns:
        // whatever a server's writer hands over at once (one message, or a batch on Undertow), the
        // order and the count must come out the same.
        TestClient counter = connect("counter", "lobby");
        TestClient listener = connect("listener", "lobby");
        ask(counter, "join burst");
        ask(listener, "join burst");
        counter.send("count burst 500");
        for (int i = 1; i <= 500; i++) {
            assertThat(listener.next()).as("listener's message %d", i).isEqualTo(Integer.toString(i));
            assertThat(counter.next()).as("counter's message %d", i).isEqualTo(Integer.toString(i));
        }
        assertThat(counter.next()).isEqualTo("counted 1000");
    }

    @Test
    void aClientThatStopsReadingIsClosedWhileTheOthersGetEverything() {
        StalledClient slow = StalledClient.connect(TckUris.ws(base, "/commands/lobby?user_id=slow"), 1);
        opened.add(slow);
        TestClient fast = connect("fast", "lobby");
        await().until(() -> slow.received().size() == 1);
        TestClient slowJoiner = connect("slow", "lobby");
        ask(slowJoiner, "join feed");
        slowJoiner.close();
        ask(fast, "join feed");
        await().until(() -> stats(fast).getInt("count") == 2);

        // 40 batches of 50 x 16 KiB = 31 MiB, far beyond socket buffers plus the stalled client's
        // 1 MiB queue. Each batch (800 KiB) fits the fast client's queue, which drains between batches.
        for (int batch = 0; batch < 40; batch++) {
            fast.send("flood feed 50 16384");
            for (int i = 0; i < 50; i++) {
                assertThat(fast.next()).as("batch %d message %d", batch, i).hasSize(16384);
            }
            assertThat(fast.next()).startsWith("flooded ");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> stats(fast).getJsonArray("identifiers").toString().equals("[\"fast\"]"));
    }
}
