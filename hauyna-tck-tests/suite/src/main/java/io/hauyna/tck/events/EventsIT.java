package io.hauyna.tck.events;

import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.tck.TckArchive;
import io.hauyna.tck.TckProtocolEndpoint;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

import static io.hauyna.tck.TckProtocolClients.connect;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Custom events through CDI observers on a real server: order, stop, fail, exceptions, async. */
@ExtendWith(ArquillianExtension.class)
class EventsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TckArchive.war("tck-events", TckProtocolEndpoint.class, EventObservers.class, ServerSide.class);
    }

    @ArquillianResource
    URL base;

    private static String event(String name, String text, int ref) {
        return "{\"type\":\"event\",\"event\":\"" + name + "\",\"data\":{\"text\":\"" + text + "\"},\"ref\":" + ref + "}";
    }

    @Test
    void observersRunInPriorityOrderAndCanStopOrFail() {
        try (TestClient alice = connect(base, "alice", "")) {
            alice.send(event("order", "hi", 1));
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":1,\"status\":\"ok\",\"data\":{\"by\":\"alice\",\"ran\":\"first then second\"}}");
            alice.send(event("order", "stop", 2));
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":2,\"status\":\"ok\",\"data\":{\"ran\":\"first only\"}}");
            alice.send(event("order", "fail", 3));
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":3,\"status\":\"error\",\"error_type\":\"validation_error\","
                    + "\"message\":\"Text must not be 'fail'\"}");
        }
    }

    @Test
    void exceptionsAndUnknownNamesAreTypedErrors() {
        try (TestClient alice = connect(base, "alice", "")) {
            alice.send(event("order", "boom", 4));
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":4,\"status\":\"error\",\"error_type\":\"internal_error\","
                    + "\"message\":\"The server failed to handle event 'order'; the cause is in its log\"}");
            alice.send(event("nobody_listens", "x", 5));
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":5,\"status\":\"error\",\"error_type\":\"not_found\","
                    + "\"message\":\"No handler for event 'nobody_listens': check the event name\"}");
        }
    }

    @Test
    void asyncObserversRunBeforeTheReply() {
        try (TestClient alice = connect(base, "alice", "")) {
            alice.send(event("later", "x", 6));
            assertThat(alice.next()).isEqualTo("async observer ran");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":6,\"status\":\"ok\"}");
        }
    }

    @Test
    void theServerPushesEventsToAUser() {
        try (TestClient alice = connect(base, "pusher", "")) {
            alice.send("{\"type\":\"event\",\"event\":\"push_to_me\",\"ref\":7}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"event\",\"event\":\"pushed\",\"data\":{\"to\":\"pusher\"}}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":7,\"status\":\"ok\",\"data\":{\"delivered\":1}}");
        }
    }

    @Test
    void thePresenceBeanAnswersAboutConnectedUsers() {
        try (TestClient carol = connect(base, "carol", "")) {
            carol.send("{\"type\":\"event\",\"event\":\"presence_of\",\"data\":{\"who\":\"carol\"},\"ref\":1}");
            assertThat(carol.next()).startsWith("{\"type\":\"reply\",\"ref\":1,\"status\":\"ok\",\"data\":{\"count\":")
                    .endsWith(",\"present\":true,\"status\":\"online\"}}");
            carol.send("{\"type\":\"event\",\"event\":\"presence_of\",\"data\":{\"who\":\"nobody\"},\"ref\":2}");
            assertThat(carol.next()).contains("\"present\":false,\"status\":\"offline\"");
        }
    }

    @Test
    void systemEventsReachTheApplicationsObservers() {
        try (TestClient dave = connect(base, "dave", "")) {
            dave.send("{\"type\":\"teleport\"}");
            assertThat(dave.next()).contains("\"error_type\":\"unknown_type\"");
        }
        try (TestClient erin = connect(base, "erin", "")) {
            await().untilAsserted(() -> {
                erin.send("{\"type\":\"event\",\"event\":\"system_events\",\"data\":{\"about\":\"dave\"},\"ref\":1}");
                assertThat(erin.next()).isEqualTo("{\"type\":\"reply\",\"ref\":1,\"status\":\"ok\",\"data\":"
                        + "[\"opened dave\",\"rejected dave unknown_type\",\"closed dave\"]}");
            });
        }
    }
}
