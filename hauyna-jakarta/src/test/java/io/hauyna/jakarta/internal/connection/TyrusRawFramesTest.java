package io.hauyna.jakarta.internal.connection;

import io.hauyna.jakarta.Connection;
import io.hauyna.jakarta.Connections;
import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.RawWebSocket;
import io.hauyna.jakarta.testing.ReadyEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Tyrus, Hauyna writes frames it built once per fan-out through Tyrus's raw-frame path. The
 * bytes on the wire must be exactly those {@code sendText} writes, at every length boundary and
 * for multi-byte text; the off switch must restore {@code sendText}; and a session with an idle
 * timeout must keep counting Hauyna's sends as activity.
 */
class TyrusRawFramesTest {

    @Test
    void rawFramesAreByteForByteWhatSendTextWrites() throws Exception {
        List<byte[]> raw = framesReceived(true);
        List<byte[]> sendText = framesReceived(false);

        FrameBoundaries.assertSameAsSendText(raw, sendText);
    }

    @Test
    void aSessionWithAnIdleTimeoutStaysOpenWhileItOnlyReceives() throws Exception {
        HauynaServer server = server(true);
        server.start("TyrusRawFramesIdle");
        try (TestClient client = ReadyEndpoint.connectAs(server, "idle")) {
            Connections connections = server.bean(Connections.class);
            Connection connection = connections.connectionsOf("idle").get(0);
            connection.session().setMaxIdleTimeout(1_000);
            for (int i = 0; i < 12; i++) {
                connections.sendTo("idle", "tick " + i);
                assertThat(client.next()).isEqualTo("tick " + i);
                Thread.sleep(250);
            }
            assertThat(connection.isOpen()).as("open after 3 s of sends with a 1 s idle timeout").isTrue();
        } finally {
            server.stop();
        }
    }

    private static List<byte[]> framesReceived(boolean rawFrames) throws Exception {
        HauynaServer server = server(rawFrames);
        server.start("TyrusRawFrames" + rawFrames);
        List<byte[]> frames = new ArrayList<>();
        try (RawWebSocket socket = RawWebSocket.connect(server.uri("/ready?user_id=wire"))) {
            assertThat(RawWebSocket.text(socket.nextFrame())).isEqualTo(ReadyEndpoint.READY);
            Connections connections = server.bean(Connections.class);
            LiveConnection connection = (LiveConnection) connections.connectionsOf("wire").get(0);
            assertThat(connection.writer() instanceof TyrusRawFrames).as("raw frames in use").isEqualTo(rawFrames);
            for (String message : FrameBoundaries.MESSAGES) {
                assertThat(connections.sendTo("wire", message)).isEqualTo(1);
                frames.add(socket.nextFrame());
            }
        } finally {
            server.stop();
        }
        return frames;
    }

    private static HauynaServer server(boolean rawFrames) {
        return HauynaServer.serving(ReadyEndpoint.class)
                .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
                .with(HauynaConfigKeys.OUTBOUND_TYRUS_RAW_FRAMES, String.valueOf(rawFrames));
    }
}
