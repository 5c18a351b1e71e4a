package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.hauyna.jakarta.testing.ProtocolEndpoint.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Custom events: client frames and server triggers reach CDI observers; pushes reach clients. */
class EventsTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .withBeans(Observers.class, NoSpam.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");

    public record Counter(int count) {
    }

    public record Order(@jakarta.validation.constraints.NotBlank String item, @jakarta.validation.constraints.Min(1) int quantity) {
    }

    /** Refuses any event whose data mentions spam, before observers run. */
    @ApplicationScoped
    public static class NoSpam implements io.hauyna.jakarta.spi.ClientEventValidator {
        @Override
        public void validate(ClientEvent event) {
            if (event.data().toString().contains("spam")) {
                throw new HauynaException(ErrorType.VALIDATION_ERROR, "No spam", Map.of("rule", "no-spam"));
            }
        }
    }

    @ApplicationScoped
    public static class Observers {
        final List<String> log = new CopyOnWriteArrayList<>();

        void first(@Observes @Priority(10) @HauynaEvent("new_message") ClientEvent event) {
            log.add("first");
            switch (event.data().asJsonObject().getString("text")) {
                case "stop" -> event.stopPropagation();
                case "fail" -> event.fail(ErrorType.VALIDATION_ERROR, "Text must not be 'fail'");
                case "boom" -> throw new IllegalStateException("observer bug");
                default -> {
                }
            }
        }

        void second(@Observes @Priority(20) @HauynaEvent("new_message") ClientEvent event) {
            log.add("second");
            event.reply(new TreeMap<>(Map.of("stored", true, "by", event.identifier())));
        }

        void audit(@ObservesAsync @HauynaEvent("audit") ClientEvent event) {
            log.add("async " + event.data() + " " + event.connection().isPresent());
        }

        void typed(@Observes @HauynaEvent("increment") ClientEvent event) {
            event.reply(new Counter(event.dataAs(Counter.class).count() + 1));
        }

        void order(@Observes @HauynaEvent("order") ClientEvent event) {
            Order order = event.dataAs(Order.class);
            log.add("ordered " + order.quantity() + " " + order.item());
        }

        void serverSide(@Observes @HauynaEvent("tick") ClientEvent event) {
            log.add("tick " + event.identifier() + " " + event.connection().isPresent() + " " + event.data());
        }

        List<String> log() {
            return List.copyOf(log);
        }

        void clear() {
            log.clear();
        }
    }

    private final Observers observers = server.bean(Observers.class);
    private final Events events = server.bean(Events.class);

    private TestClient connect(String user) {
        return ProtocolEndpoint.connectAs(server, user);
    }

    @BeforeEach
    void clearLog() {
        observers.clear();
    }

    @AfterEach
    void allGone() {
        await().until(() -> server.bean(Connections.class).count() == 0);
    }

    @Test
    void observersRunInPriorityOrderAndTheFirstReplyCounts() {
        try (TestClient alice = connect("alice")) {
            alice.send("{\"type\":\"event\",\"event\":\"new_message\",\"data\":{\"text\":\"hi\"},\"ref\":1}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":1,\"status\":\"ok\",\"data\":{\"by\":\"alice\",\"stored\":true}}");
            assertThat(observers.log()).containsExactly("first", "second");
            alice.expectNothing(Duration.ofMillis(200));
        }
    }

    @Test
    void anObserverCanStopPropagation() {
        try (TestClient alice = connect("alice")) {
            alice.send("{\"type\":\"event\",\"event\":\"new_message\",\"data\":{\"text\":\"stop\"},\"ref\":2}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":2,\"status\":\"ok\"}");
            assertThat(observers.log()).containsExactly("first");
        }
    }

    @Test
    void anObserverCanFailTheEventWithATypedError() {
        try (TestClient alice = connect("alice")) {
            alice.send("{\"type\":\"event\",\"event\":\"new_message\",\"data\":{\"text\":\"fail\"},\"ref\":3}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":3,\"status\":\"error\",\"error_type\":\"validation_error\","
                    + "\"message\":\"Text must not be 'fail'\"}");
            assertThat(observers.log()).containsExactly("first");
        }
    }

    @Test
    void anObserverExceptionBecomesAnInternalErrorAndTheConnectionLives() {
        try (TestClient alice = connect("alice")) {
            alice.send("{\"type\":\"event\",\"event\":\"new_message\",\"data\":{\"text\":\"boom\"}}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"error\",\"error_type\":\"internal_error\","
                    + "\"message\":\"The server failed to handle event 'new_message'; the cause is in its log\"}");
            alice.send("{\"type\":\"ping\",\"ref\":4}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"pong\",\"ref\":4}");
        }
    }

    @Test
    void anEventNobodyObservesIsNotFound() {
        try (TestClient alice = connect("alice")) {
            alice.send("{\"type\":\"event\",\"event\":\"nobody_listens\",\"ref\":5}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":5,\"status\":\"error\",\"error_type\":\"not_found\","
                    + "\"message\":\"No handler for event 'nobody_listens': check the event name\"}");
        }
    }

    @Test
    void asyncObserversRunBeforeTheReply() {
        try (TestClient alice = connect("alice")) {
            alice.send("{\"type\":\"event\",\"event\":\"audit\",\"data\":[1,2],\"ref\":6}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":6,\"status\":\"ok\"}");
            assertThat(observers.log()).containsExactly("async [1,2] true");
        }
    }

    @Test
    void dataBindsToATypeWithJsonB() {
        try (TestClient alice = connect("alice")) {
            alice.send("{\"type\":\"event\",\"event\":\"increment\",\"data\":{\"count\":41},\"ref\":7}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":7,\"status\":\"ok\",\"data\":{\"count\":42}}");
        }
    }

    @Test
    void beanValidationNamesEveryViolatedField() {
        try (TestClient alice = connect("alice")) {
            alice.send("{\"type\":\"event\",\"event\":\"order\",\"data\":{\"item\":\" \",\"quantity\":0},\"ref\":8}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":8,\"status\":\"error\",\"error_type\":\"validation_error\","
                    + "\"message\":\"The event data is invalid: {item=must not be blank, quantity=must be greater than or equal to 1}\","
                    + "\"details\":{\"fields\":{\"item\":\"must not be blank\",\"quantity\":\"must be greater than or equal to 1\"}}}");
            alice.send("{\"type\":\"event\",\"event\":\"order\",\"data\":{\"item\":\"tea\",\"quantity\":2},\"ref\":9}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":9,\"status\":\"ok\"}");
            assertThat(observers.log()).containsExactly("ordered 2 tea");
        }
    }

    @Test
    void dataThatDoesNotFitTheTypeIsAValidationError() {
        try (TestClient alice = connect("alice")) {
            alice.send("{\"type\":\"event\",\"event\":\"order\",\"data\":[1,2],\"ref\":10}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":10,\"status\":\"error\",\"error_type\":\"validation_error\","
                    + "\"message\":\"The event data does not fit Order\"}");
        }
    }

    @Test
    void applicationValidatorsRunBeforeObservers() {
        try (TestClient alice = connect("alice")) {
            alice.send("{\"type\":\"event\",\"event\":\"new_message\",\"data\":{\"text\":\"buy spam\"},\"ref\":11}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":11,\"status\":\"error\",\"error_type\":\"validation_error\","
                    + "\"message\":\"No spam\",\"details\":{\"rule\":\"no-spam\"}}");
            assertThat(observers.log()).isEmpty();
        }
    }

    @Test
    void badEventFramesGetTypedErrors() {
        try (TestClient alice = connect("alice")) {
            alice.send("{\"type\":\"event\",\"data\":1}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"error\",\"error_type\":\"invalid_message\",\"message\":\"Field 'event' is missing\"}");
            alice.send("{\"type\":\"event\",\"event\":\"has space\"}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"error\",\"error_type\":\"validation_error\","
                    + "\"message\":\"Event name 'has space' is invalid: use 1 to 100 letters, digits, '_', '.', ':' or '-'\"}");
        }
    }

    @Test
    void theServerCanTriggerEventsForAnIdentifier() {
        assertThat(events.trigger("tick", "scheduler", Map.of("n", 1))).isTrue();
        assertThat(observers.log()).containsExactly("tick scheduler false {\"n\":1}");
        assertThat(events.trigger("nobody_listens", "scheduler", null)).isFalse();
    }

    @Test
    void theServerCanTriggerEventsForAConnection() {
        try (TestClient alice = connect("alice")) {
            var session = server.bean(Connections.class).connectionsOf("alice").get(0).session();
            assertThat(events.trigger("tick", session, "now")).isTrue();
            assertThat(observers.log()).containsExactly("tick alice true \"now\"");
            alice.expectNothing(Duration.ofMillis(200));
        }
    }

    @Test
    void eventsCanBePushedToUsersChannelsAndGroups() {
        try (TestClient alice = connect("alice"); TestClient bob = connect("bob")) {
            join(bob, "room:e", "{}");
            server.bean(Connections.class).addToGroup("alice", "staff");

            assertThat(events.push("alice", "hello", Map.of("x", 1))).isEqualTo(1);
            assertThat(alice.next()).isEqualTo("{\"type\":\"event\",\"event\":\"hello\",\"data\":{\"x\":1}}");
            assertThat(events.pushToChannel("room:e", "news", "text")).isEqualTo(1);
            assertThat(bob.next()).isEqualTo("{\"type\":\"event\",\"event\":\"news\",\"data\":\"text\"}");
            assertThat(events.pushToGroup("staff", "meeting", null)).isEqualTo(1);
            assertThat(alice.next()).isEqualTo("{\"type\":\"event\",\"event\":\"meeting\",\"data\":null}");
        }
    }
}
