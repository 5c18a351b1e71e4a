package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client can make the server log: nothing at INFO or above for its own mistakes, and one
 * line with a stack trace per minute for a bug it can trigger again and again.
 */
class LoggingPolicyTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .withBeans(BuggyObserver.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.RATE_LIMIT_PER_SECOND, "0");

    /** An application bug any client can reach. */
    @ApplicationScoped
    public static class BuggyObserver {
        void buggy(@Observes @HauynaEvent("buggy") ClientEvent event) {
            Map<String, Object> nothing = null;
            event.reply(nothing.get("x"));
        }
    }

    private static final Logger HAUYNA = Logger.getLogger("io.hauyna.jakarta");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        HAUYNA.addHandler(capture);
    }

    @AfterEach
    void release() {
        HAUYNA.removeHandler(capture);
    }

    @Test
    void aBugTriggeredThreeHundredTimesIsLoggedOnceWithItsStackTrace() {
        try (TestClient client = ProtocolEndpoint.connectAs(server, "mallory")) {
            for (int i = 0; i < 300; i++) {
                client.send("{\"type\":\"event\",\"event\":\"buggy\",\"ref\":" + i + "}");
            }

            List<String> replies = client.next(300);

            assertThat(replies).allMatch(reply -> reply.contains("\"error_type\":\"internal_error\""));
            assertThat(records).hasSize(1);
            assertThat(records.get(0).getLevel()).isEqualTo(Level.WARNING);
            assertThat(records.get(0).getThrown()).isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void aClientsOwnMistakesAreNotLoggedAtInfoOrAbove() {
        try (TestClient client = ProtocolEndpoint.connectAs(server, "oscar")) {
            List<String> frames = List.of("not json", "[".repeat(5000), "{\"type\":\"teleport\"}", "{\"type\":\"event\",\"event\":\"ghost\"}",
                    "{\"type\":\"direct_message\",\"to\":\"nobody\",\"message\":1}", "{\"type\":\"ping\",\"x\":1e99999}",
                    "{\"type\":\"subscribe_channel\",\"channel\":\"a b\"}");
            for (int i = 0; i < 50; i++) {
                frames.forEach(client::send);
            }

            assertThat(client.next(50 * frames.size())).allMatch(answer -> answer.startsWith("{\"type\":\"error\""));
            assertThat(records).isEmpty();
        }
    }
}
