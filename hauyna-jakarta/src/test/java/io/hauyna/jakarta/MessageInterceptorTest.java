package io.hauyna.jakarta;

import io.hauyna.jakarta.spi.ForRoutes;
import io.hauyna.jakarta.spi.MessageInterceptor;
import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Interceptors see every protocol frame in priority order, may reject it with a typed error or rewrite it. */
class MessageInterceptorTest {

    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .withBeans(Audit.class, Shout.class, NotHere.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id");

    /** Logs every frame, and refuses links from anonymous users. */
    @ApplicationScoped
    @Priority(1)
    public static class Audit implements MessageInterceptor {
        @Override
        public JsonObject intercept(Connection connection, JsonObject frame) {
            SEEN.add(connection.identifier() + ":" + frame.getString("type"));
            if (frame.toString().contains("http://")) {
                throw new HauynaException(ErrorType.UNAUTHORIZED, "Sign in to post links");
            }
            return frame;
        }
    }

    /** Upper-cases channel messages that ask for it: the enrichment case. */
    @ApplicationScoped
    @Priority(2)
    public static class Shout implements MessageInterceptor {
        @Override
        public JsonObject intercept(Connection connection, JsonObject frame) {
            if (frame.get("message") instanceof JsonString text && text.getString().endsWith("!")) {
                return Json.createObjectBuilder(frame).add("message", text.getString().toUpperCase()).add("from", "nobody").build();
            }
            return frame;
        }
    }

    /** Scoped to a route this server does not have: never runs. */
    @ApplicationScoped
    @ForRoutes("/elsewhere/*")
    public static class NotHere implements MessageInterceptor {
        @Override
        public JsonObject intercept(Connection connection, JsonObject frame) {
            throw new HauynaException(ErrorType.FORBIDDEN, "must not run");
        }
    }

    @Test
    void framesAreAuditedRewrittenOrRejectedAndTheSenderStaysItself() {
        try (TestClient alice = ProtocolEndpoint.connectAs(server, "alice");
             TestClient bob = ProtocolEndpoint.connectAs(server, "bob")) {
            ProtocolEndpoint.join(bob, "lobby", "{}");
            ProtocolEndpoint.join(alice, "lobby", "{}");

            alice.send("{\"type\":\"channel_message\",\"channel\":\"lobby\",\"message\":\"hello!\"}");
            assertThat(bob.next()).isEqualTo("{\"type\":\"channel_message\",\"channel\":\"lobby\",\"from\":\"alice\",\"message\":\"HELLO!\"}");

            alice.send("{\"type\":\"channel_message\",\"channel\":\"lobby\",\"message\":\"see http://x\",\"ref\":5}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"reply\",\"ref\":5,\"status\":\"error\",\"error_type\":\"unauthorized\","
                    + "\"message\":\"Sign in to post links\"}");

            alice.send("{\"type\":\"ping\",\"ref\":6}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"pong\",\"ref\":6}");
            assertThat(SEEN).contains("alice:channel_message", "alice:ping", "bob:subscribe_channel");
        }
    }
}
