package io.hauyna.jakarta.internal.connection;

import io.hauyna.jakarta.testing.RawWebSocket;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages at the lengths where RFC 6455 changes how a frame encodes its length (125/126,
 * 65,535/65,536), with multi-byte text, for the tests of a server's own send path: what it writes
 * must be what {@code sendText} writes.
 */
final class FrameBoundaries {

    static final List<String> MESSAGES = List.of("", "ready?", "a".repeat(125), "a".repeat(126),
            "é".repeat(63), "€😀 mixed ünïcödé", "b".repeat(0xFFFF), "c".repeat(0x10000), "d".repeat(200_000));

    private FrameBoundaries() {
    }

    /** Asserts that the frames of {@link #MESSAGES} a server's own path wrote are {@code sendText}'s and RFC 6455's. */
    static void assertSameAsSendText(List<byte[]> ownPath, List<byte[]> sendText) {
        assertThat(ownPath).hasSameSizeAs(MESSAGES);
        for (int i = 0; i < MESSAGES.size(); i++) {
            assertThat(ownPath.get(i)).as("frame of message %d", i).isEqualTo(sendText.get(i));
            assertThat(ownPath.get(i)).as("RFC 6455 framing of message %d", i).isEqualTo(RawWebSocket.serverTextFrame(MESSAGES.get(i)));
        }
    }
}
