package io.hauyna.jakarta.internal.connection;

import java.nio.charset.StandardCharsets;

/**
 * A message encoded once for a whole fan-out: the text every recipient receives, its size in UTF-8
 * bytes (what outbound queues are bounded by) and, for the servers where Hauyna can hand them over,
 * its UTF-8 bytes (Undertow) or its whole WebSocket frame (Tyrus), built once and shared by every
 * recipient.
 */
public final class EncodedMessage {

    private final long bytes;
    /*
     * Each form is built by the first recipient that needs it; a race builds the same value twice,
     * never different ones. At least one of text and utf8 is set from the start.
     */
    private volatile String text;
    private volatile byte[] utf8;
    private volatile byte[] textFrame;

    private EncodedMessage(String text, byte[] utf8, long bytes) {
        this.text = text;
        this.utf8 = utf8;
        this.bytes = bytes;
    }

    public static EncodedMessage of(String text) {
        return new EncodedMessage(text, null, utf8Length(text));
    }

    /**
     * A message that arrived from another node as UTF-8: it is decoded to text only if a recipient
     * needs the text, so a node whose server takes bytes or frames never decodes it.
     *
     * @param utf8 valid UTF-8, which this message keeps and shares: the caller must not modify it
     */
    public static EncodedMessage ofUtf8(byte[] utf8) {
        return new EncodedMessage(null, utf8, utf8.length);
    }

    public String text() {
        String decoded = text;
        if (decoded == null) {
            decoded = new String(utf8, StandardCharsets.UTF_8);
            text = decoded;
        }
        return decoded;
    }

    public long bytes() {
        return bytes;
    }

    /** @return the text in UTF-8; shared, so never to be modified */
    public byte[] utf8() {
        byte[] encoded = utf8;
        if (encoded == null) {
            encoded = text.getBytes(StandardCharsets.UTF_8);
            utf8 = encoded;
        }
        return encoded;
    }

    /** @return the whole message as one server-to-client text frame; shared, so never to be modified */
    byte[] textFrame() {
        byte[] frame = textFrame;
        if (frame == null) {
            frame = serverTextFrame(utf8());
            textFrame = frame;
        }
        return frame;
    }

    /**
     * RFC 6455 section 5.2 as a server writes a whole text message: FIN and opcode 1, no extension
     * bits, no mask, and the shortest length encoding. Tyrus frames {@code sendText} the same way
     * ({@code TyrusRawFramesTest} compares the bytes on the wire with {@code sendText}'s).
     */
    static byte[] serverTextFrame(String text) {
        return serverTextFrame(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] serverTextFrame(byte[] payload) {
        int length = payload.length;
        int header = length <= 125 ? 2 : length <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[header + length];
        frame[0] = (byte) 0x81;
        if (length <= 125) {
            frame[1] = (byte) length;
        } else if (length <= 0xFFFF) {
            frame[1] = 126;
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = 127;
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, frame, header, length);
        return frame;
    }

    /** Counts without encoding, so that measuring a large payload allocates nothing. */
    public static long utf8Length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1; // an unpaired surrogate is encoded as '?', as String.getBytes does
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
