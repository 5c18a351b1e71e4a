package io.hauyna.tck.hostile;

import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.testing.HostileFrames;
import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.jakarta.testing.TypedEventObserver;
import io.hauyna.tck.TckArchive;
import io.hauyna.tck.TckProtocolEndpoint;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.hauyna.tck.TckProtocolClients.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hostile-frame generator of the extension's property tests, drawn with a fixed seed, against
 * each server and the JSON-P and JSON-B implementations it brings: only client error types, nothing
 * of the server's insides on the wire, the attacker's connection and a bystander keep working, and
 * every registry is as before once the attacker leaves.
 */
@ExtendWith(ArquillianExtension.class)
class HostileFramesIT {

    static final long SEED = 20261130L;
    static final int FRAMES = 400;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TckArchive.war("tck-hostile", Map.of(
                        // Hundreds of frames from one client: RateLimitIT covers the pace.
                        HauynaConfigKeys.RATE_LIMIT_PER_SECOND, "0",
                        HauynaConfigKeys.CHANNELS_PRIVATE, "notifications:{id}",
                        HauynaConfigKeys.PRESENCE_CHANNELS, "room:"),
                TckProtocolEndpoint.class, RegistrySnapshot.class, TypedEventObserver.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void hostileFramesGetClientErrorsOnlyAndHarmNobody() {
        try (TestClient bystander = connect(base, "bystander", "&group=admins&role=admin"); TestClient listener = connect(base, "listener", "")) {
            join(bystander, "room:calm");
            join(listener, "room:calm");
            String before = await().atMost(Duration.ofSeconds(10)).until(() -> registries(bystander), snapshot -> true);
            Map<String, Integer> answers = new TreeMap<>();
            try (TestClient attacker = connect(base, "attacker", "")) {
                List<String> frames = HostileFrames.sample(SEED, FRAMES, HauynaConfigKeys.DEFAULT_INBOUND_MAX_MESSAGE_BYTES);
                for (int i = 0; i < frames.size(); i++) {
                    attacker.send(frames.get(i));
                    String marker = "{\"type\":\"pong\",\"ref\":\"m" + i + "\"}";
                    attacker.send("{\"type\":\"ping\",\"ref\":\"m" + i + "\"}");
                    List<String> received = attacker.nextUntil(marker::equals);
                    received.forEach(HostileFrames::assertIsAClientAnswer);
                    answers.merge(received.size() == 1 ? "no answer" : HostileFrames.answerType(received.get(0)), 1, Integer::sum);
                    if (i % 100 == 99) {
                        HostileFrames.assertBystanderStillChats(bystander, listener, "after " + (i + 1) + " frames");
                    }
                }
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(registries(bystander)).isEqualTo(before));
            HostileFrames.assertBystanderStillChats(bystander, listener, "after the attacker left");
            System.out.println("HostileFramesIT on " + System.getProperty("tck.server", "this server") + ": " + FRAMES
                    + " generated frames (seed " + SEED + "), first answers: " + answers);
        }
    }

    private static void join(TestClient client, String channel) {
        client.send("{\"type\":\"subscribe_channel\",\"channel\":\"" + channel + "\",\"ref\":\"join\"}");
        assertThat(client.nextUntil(frame -> frame.contains("\"ref\":\"join\""))).last()
                .isEqualTo("{\"type\":\"reply\",\"ref\":\"join\",\"status\":\"ok\"}");
    }

    private static String registries(TestClient client) {
        client.send("{\"type\":\"event\",\"event\":\"registries\",\"ref\":\"registries\"}");
        List<String> received = client.nextUntil(frame -> frame.contains("\"ref\":\"registries\""));
        return received.get(received.size() - 1);
    }
}
