package io.hauyna.tck.errors;

import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.tck.TckArchive;
import io.hauyna.tck.TckProtocolEndpoint;
import io.hauyna.tck.TckUris;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.Map;

import static io.hauyna.tck.TckProtocolClients.connect;
import static org.assertj.core.api.Assertions.assertThat;

/** Validation with the server's Bean Validation provider, typed exceptions and the size limit. */
@ExtendWith(ArquillianExtension.class)
class ErrorsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TckArchive.war("tck-errors", Map.of(HauynaConfigKeys.INBOUND_MAX_MESSAGE_BYTES, "1024"),
                TckProtocolEndpoint.class, OrderObserver.class, OrderObserver.Order.class, NumbersEndpoint.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void constraintViolationsNameTheFields() {
        try (TestClient client = connect(base, "alice", "")) {
            client.send("{\"type\":\"event\",\"event\":\"order\",\"data\":{\"item\":\"\",\"quantity\":0},\"ref\":1}");
            String reply = client.next();
            assertThat(reply).startsWith("{\"type\":\"reply\",\"ref\":1,\"status\":\"error\",\"error_type\":\"validation_error\"");
            assertThat(reply).contains("\"details\":{\"fields\":{\"item\":").contains("\"quantity\":");
        }
    }

    @Test
    void typedExceptionsAndValidOrders() {
        try (TestClient client = connect(base, "alice", "")) {
            client.send("{\"type\":\"event\",\"event\":\"order\",\"data\":{\"item\":\"tea\",\"quantity\":500},\"ref\":2}");
            assertThat(client.next()).isEqualTo("{\"type\":\"reply\",\"ref\":2,\"status\":\"error\",\"error_type\":\"forbidden\","
                    + "\"message\":\"Bulk orders need a staff account\",\"details\":{\"max\":100}}");
            client.send("{\"type\":\"event\",\"event\":\"order\",\"data\":{\"item\":\"tea\",\"quantity\":2},\"ref\":3}");
            assertThat(client.next()).isEqualTo("{\"type\":\"reply\",\"ref\":3,\"status\":\"ok\",\"data\":{\"accepted\":\"tea\"}}");
        }
    }

    @Test
    void framesOverTheLimitAreRefusedAndTheConnectionStays() {
        try (TestClient client = connect(base, "alice", "")) {
            client.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(2000) + "\"}");
            assertThat(client.next()).startsWith("{\"type\":\"error\",\"error_type\":\"message_too_large\"");
            client.send("{\"type\":\"ping\",\"ref\":4}");
            assertThat(client.next()).isEqualTo("{\"type\":\"pong\",\"ref\":4}");
        }
    }

    @Test
    void anEndpointReportsItsOwnFailuresThroughTheErrorHandler() {
        try (TestClient client = TestClient.connect(TckUris.ws(base, "/numbers?user_id=counter"))) {
            client.send("21");
            assertThat(client.next()).isEqualTo("double: 42");
            client.send("many");
            assertThat(client.next()).isEqualTo("{\"type\":\"error\",\"error_type\":\"validation_error\","
                    + "\"message\":\"Send a whole number, not 'many'\"}");
            client.send("boom");
            assertThat(client.next()).isEqualTo("{\"type\":\"error\",\"error_type\":\"internal_error\","
                    + "\"message\":\"The server failed to handle this; the cause is in its log\"}");
            client.send("2");
            assertThat(client.next()).isEqualTo("double: 4");
        }
    }
}
