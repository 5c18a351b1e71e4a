package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.HostileFrames;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.jakarta.testing.TypedEventObserver;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.hauyna.jakarta.testing.ProtocolEndpoint.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Thousands of generated hostile frames, at every size up to the default 64 KiB limit, from one
 * connection over a real socket: every answer is a client error type with no trace of the server's
 * insides, the attacker's own connection keeps answering pings, a bystander keeps chatting and its
 * state never changes, and once the attacker leaves every registry is as it was.
 */
class HostileFramesTest {

    static final HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .withBeans(TypedEventObserver.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.CHANNELS_PRIVATE, "notifications:{id}")
            .with(HauynaConfigKeys.PRESENCE_CHANNELS, "room:")
            // Thousands of frames from one client: this is about their content, not their pace (RateLimitTest).
            .with(HauynaConfigKeys.RATE_LIMIT_PER_SECOND, "0");

    static TestClient bystander;
    static TestClient listener;
    static Baseline baseline;
    TestClient attacker;
    final AtomicInteger tries = new AtomicInteger();

    /** What the registries hold without the attacker. */
    record Baseline(Set<String> channels, Set<String> identifiers, Set<String> groups, Set<String> calmSubscribers,
                    Optional<PresenceInfo> bystanderPresence, Set<String> bystanderGroups) {
        static Baseline now() {
            Channels channels = server.bean(Channels.class);
            Connections connections = server.bean(Connections.class);
            return new Baseline(channels.channels(), connections.identifiers(), connections.groups(), channels.subscribers("room:calm"),
                    server.bean(Presence.class).state("bystander"), connections.groupsOf("bystander"));
        }
    }

    @BeforeContainer
    static void start() throws Exception {
        server.start(HostileFramesTest.class.getSimpleName());
        bystander = ProtocolEndpoint.connectAs(server, "bystander");
        listener = ProtocolEndpoint.connectAs(server, "listener");
        join(bystander, "room:calm", "{\"name\":\"Bea\"}");
        join(listener, "room:calm", "{}");
        server.bean(Connections.class).addToGroup("bystander", "admins", "admin");
        await().until(() -> bystander.drain().isEmpty() & listener.drain().isEmpty());
        baseline = Baseline.now();
    }

    @AfterContainer
    static void stop() {
        bystander.close();
        listener.close();
        server.stop();
    }

    @BeforeProperty
    void connectAttacker() {
        attacker = ProtocolEndpoint.connectAs(server, "attacker");
    }

    @AfterProperty
    void everyRegistryIsAsBeforeOnceTheAttackerLeaves() {
        attacker.close();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Baseline.now()).isEqualTo(baseline));
        HostileFrames.assertBystanderStillChats(bystander, listener, "after the attacker left");
    }

    @Provide
    Arbitrary<String> hostileFrames() {
        return HostileFrames.frames(HauynaConfigKeys.DEFAULT_INBOUND_MAX_MESSAGE_BYTES);
    }

    @Property(tries = 3000)
    void everyHostileFrameIsAnsweredAsAClientErrorAndHarmsNobody(@ForAll("hostileFrames") String frame) {
        int attempt = tries.incrementAndGet();
        attacker.send(frame);
        String marker = "m" + attempt;
        attacker.send("{\"type\":\"ping\",\"ref\":\"" + marker + "\"}");

        List<String> answers = attacker.nextUntil(answer -> answer.equals("{\"type\":\"pong\",\"ref\":\"" + marker + "\"}"));

        answers.forEach(HostileFrames::assertIsAClientAnswer);
        Statistics.label("answer").collect(answers.size() == 1 ? "no answer" : HostileFrames.answerType(answers.get(0)));
        Baseline now = Baseline.now();
        assertThat(now.calmSubscribers()).containsAll(baseline.calmSubscribers());
        assertThat(now.bystanderPresence()).isEqualTo(baseline.bystanderPresence());
        assertThat(now.bystanderGroups()).isEqualTo(baseline.bystanderGroups());
        assertThat(now.groups()).isEqualTo(baseline.groups());
        if (attempt % 250 == 0) {
            HostileFrames.assertBystanderStillChats(bystander, listener, "after " + attempt + " hostile frames");
        }
    }
}
