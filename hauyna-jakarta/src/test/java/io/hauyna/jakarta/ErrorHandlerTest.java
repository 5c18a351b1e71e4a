package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Application code hands exceptions to ErrorHandler; the client gets a typed frame, never a stack trace. */
class ErrorHandlerTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(OrdersEndpoint.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");

    @Dependent
    @ServerEndpoint(value = "/orders", configurator = HauynaConfigurator.class)
    public static class OrdersEndpoint {
        @Inject
        ErrorHandler errors;

        @OnOpen
        public void open(Session session) {
        }

        @OnMessage
        public void message(Session session, String text) {
            try {
                if (text.equals("forbidden")) {
                    throw new HauynaException(ErrorType.FORBIDDEN, "Only staff may place bulk orders");
                }
                throw new IllegalStateException("database password is hunter2");
            } catch (RuntimeException e) {
                errors.handle(session, e);
            }
        }

        @OnClose
        public void close(Session session) {
        }
    }

    @Test
    void typedExceptionsKeepTheirTypeAndOthersBecomeInternalErrors() {
        try (TestClient client = TestClient.connect(server.uri("/orders?user_id=alice"))) {
            client.send("forbidden");
            assertThat(client.next()).isEqualTo("{\"type\":\"error\",\"error_type\":\"forbidden\",\"message\":\"Only staff may place bulk orders\"}");
            client.send("anything");
            assertThat(client.next()).isEqualTo("{\"type\":\"error\",\"error_type\":\"internal_error\","
                    + "\"message\":\"The server failed to handle this; the cause is in its log\"}").doesNotContain("hunter2");
            assertThat(client.isOpen()).isTrue();
        }
    }
}
