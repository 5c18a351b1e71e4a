package io.hauyna.jakarta.internal.connection;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Queues are bounded in UTF-8 bytes: the count must equal what the encoder would produce. */
class EncodedMessageTest {

    @Test
    void countsUtf8BytesWithoutEncoding() {
        for (String text : new String[]{"", "ascii", "héllo", "€uro", "😀 emoji", "a\uD800b", "\uDC00 lone low"}) {
            assertThat(EncodedMessage.utf8Length(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void aMessageFromAnotherNodeHasTheSameTextSizeAndFrame() {
        for (String text : new String[]{"", "ascii", "héllo €uro 😀", "x".repeat(70_000)}) {
            EncodedMessage local = EncodedMessage.of(text);
            EncodedMessage received = EncodedMessage.ofUtf8(text.getBytes(StandardCharsets.UTF_8));

            assertThat(received.bytes()).as("size").isEqualTo(local.bytes());
            assertThat(received.textFrame()).as("frame").isEqualTo(local.textFrame());
            assertThat(received.text()).isEqualTo(text);
        }
    }
}
