package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HandshakeProbe;
import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console is off by default: its feed is not deployed at all. */
class ConsoleOffTest {

    @RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class);

    @Test
    void theFeedIsNotThere() {
        assertThat(HandshakeProbe.status(server.uri("/hauyna/console/live"), Map.of())).isEqualTo(404);
    }
}
