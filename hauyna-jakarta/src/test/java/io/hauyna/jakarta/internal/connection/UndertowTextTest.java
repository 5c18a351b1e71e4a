package io.hauyna.jakarta.internal.connection;

import io.hauyna.jakarta.Connection;
import io.hauyna.jakarta.Connections;
import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.testing.RawWebSocket;
import io.hauyna.jakarta.testing.ReadyEndpoint;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Undertow (WildFly's WebSocket container, run here as WildFly runs it), Hauyna hands every
 * recipient the UTF-8 bytes it encoded once per fan-out. The frames on the wire must be exactly
 * those {@code sendText} writes, at every length boundary and for multi-byte text; recipients
 * sharing the bytes must each get every message whole and in order; the off switch must restore
 * {@code sendText}; and the session's idle timeout must still count Hauyna's sends as activity.
 */
@Tag("undertow")
class UndertowTextTest {

    @Test
    void encodedTextIsByteForByteWhatSendTextWrites() throws Exception {
        List<byte[]> encodedOnce = framesReceived(true);
        List<byte[]> sendText = framesReceived(false);

        FrameBoundaries.assertSameAsSendText(encodedOnce, sendText);
    }

    @Test
    void recipientsSharingTheBytesEachGetEveryMessageWholeAndInOrder() throws Exception {
        try (UndertowServer server = server(true, "UndertowTextFanOut")) {
            List<RawWebSocket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    RawWebSocket socket = RawWebSocket.connect(server.uri("/ready?user_id=fan-" + i));
                    sockets.add(socket);
                    assertThat(RawWebSocket.text(socket.nextFrame())).isEqualTo(ReadyEndpoint.READY);
                }
                Connections connections = server.bean(Connections.class);
                for (int i = 0; i < 20; i++) {
                    assertThat(connections.addToGroup("fan-" + i, "fans")).isTrue();
                }
                // large enough that writes are partial and a recipient's buffer position moves on its own
                List<String> sent = new ArrayList<>();
                for (int m = 0; m < 50; m++) {
                    String message = m + ":" + "x".repeat(20_000 + m);
                    sent.add(message);
                    assertThat(connections.sendToGroup("fans", message)).isEqualTo(20);
                }
                for (RawWebSocket socket : sockets) {
                    for (String message : sent) {
                        assertThat(RawWebSocket.text(socket.nextFrame())).isEqualTo(message);
                    }
                }
            } finally {
                for (RawWebSocket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aSessionWithAnIdleTimeoutStaysOpenWhileItOnlyReceives() throws Exception {
        try (UndertowServer server = server(true, "UndertowTextIdle");
             RawWebSocket socket = RawWebSocket.connect(server.uri("/ready?user_id=idle"))) {
            assertThat(RawWebSocket.text(socket.nextFrame())).isEqualTo(ReadyEndpoint.READY);
            Connections connections = server.bean(Connections.class);
            Connection connection = connections.connectionsOf("idle").get(0);
            assertThat(((LiveConnection) connection).writer()).isInstanceOf(UndertowText.class);
            connection.session().setMaxIdleTimeout(1_000);
            for (int i = 0; i < 12; i++) {
                connections.sendTo("idle", "tick " + i);
                assertThat(RawWebSocket.text(socket.nextFrame())).isEqualTo("tick " + i);
                Thread.sleep(250);
            }
            assertThat(connection.isOpen()).as("open after 3 s of sends with a 1 s idle timeout").isTrue();
        }
    }

    private static List<byte[]> framesReceived(boolean encodedText) throws Exception {
        List<byte[]> frames = new ArrayList<>();
        try (UndertowServer server = server(encodedText, "UndertowText" + encodedText);
             RawWebSocket socket = RawWebSocket.connect(server.uri("/ready?user_id=wire"))) {
            assertThat(RawWebSocket.text(socket.nextFrame())).isEqualTo(ReadyEndpoint.READY);
            Connections connections = server.bean(Connections.class);
            LiveConnection connection = (LiveConnection) connections.connectionsOf("wire").get(0);
            assertThat(connection.writer() instanceof UndertowText).as("Undertow's text send in use").isEqualTo(encodedText);
            for (String message : FrameBoundaries.MESSAGES) {
                assertThat(connections.sendTo("wire", message)).isEqualTo(1);
                frames.add(socket.nextFrame());
            }
        }
        return frames;
    }

    private static UndertowServer server(boolean encodedText, String name) throws Exception {
        return UndertowServer.start(name, Map.of(
                HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id",
                HauynaConfigKeys.OUTBOUND_UNDERTOW_ENCODED_TEXT, String.valueOf(encodedText)), ReadyEndpoint.class);
    }
}
