package io.hauyna.jakarta.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

/**
 * A WebSocket client over a plain socket that returns frames exactly as the server wrote them,
 * header included, so that tests can compare the bytes on the wire. It offers no extension and
 * sends only masked text frames (with a zero mask key, which RFC 6455 allows).
 */
public final class RawWebSocket implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(URI uri, Duration readTimeout, int receiveBufferBytes) throws IOException {
        socket = new Socket();
        if (receiveBufferBytes > 0) {
            // set before connecting, so that the window is fixed and the kernel never grows it
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
        socket.setSoTimeout((int) readTimeout.toMillis());
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        String key = Base64.getEncoder().encodeToString("raw-websocket-16".getBytes(StandardCharsets.US_ASCII));
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("Upgrade refused: " + head.lines().findFirst().orElse(head));
        }
    }

    /** Connects and completes the opening handshake; reads time out after 10 s. */
    public static RawWebSocket connect(URI uri) {
        return connect(uri, 0);
    }

    /**
     * Connects with a fixed, small receive buffer: a client that then stops reading makes the
     * server's writes back up after only that much, plus the server's own send buffer.
     */
    public static RawWebSocket connect(URI uri, int receiveBufferBytes) {
        try {
            return new RawWebSocket(uri, Duration.ofSeconds(10), receiveBufferBytes);
        } catch (IOException e) {
            throw new AssertionError("Could not connect to " + uri, e);
        }
    }

    /** @return the next frame as it arrived: the header bytes followed by the payload */
    public byte[] nextFrame() {
        try {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            frame.write(first);
            frame.write(second);
            long length = second & 0x7F;
            if (length == 126) {
                int extended = in.readUnsignedShort();
                frame.write(ByteBuffer.allocate(2).putShort((short) extended).array());
                length = extended;
            } else if (length == 127) {
                length = in.readLong();
                frame.write(ByteBuffer.allocate(8).putLong(length).array());
            }
            if ((second & 0x80) != 0) {
                byte[] mask = in.readNBytes(4);
                frame.write(mask);
            }
            frame.write(in.readNBytes((int) length));
            return frame.toByteArray();
        } catch (IOException e) {
            throw new AssertionError("No frame", e);
        }
    }

    /** Sends a whole text message in one masked frame. */
    public void sendText(String text) {
        byte[] frame = textFrame(text, true);
        try {
            out.write(frame);
            out.flush();
        } catch (IOException e) {
            throw new AssertionError("Could not send", e);
        }
    }

    /** The text of a frame from {@link #nextFrame()}, for messages in an unmasked single frame. */
    public static String text(byte[] frame) {
        int length = frame[1] & 0x7F;
        int header = length == 126 ? 4 : length == 127 ? 10 : 2;
        return new String(frame, header, frame.length - header, StandardCharsets.UTF_8);
    }

    /**
     * The frame a server must write for a whole text message under RFC 6455 section 5.2: FIN and
     * opcode 1, no extension bits, no mask, the shortest length encoding. The tests' own reading of
     * the RFC, kept apart from the production encoder.
     */
    public static byte[] serverTextFrame(String text) {
        return textFrame(text, false);
    }

    /** A whole text message in one frame; masked (as a client must) with the all-zero key. */
    private static byte[] textFrame(String text, boolean masked) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int mask = masked ? 0x80 : 0;
        ByteBuffer frame = ByteBuffer.allocate(14 + payload.length).put((byte) 0b1000_0001);
        if (payload.length < 126) {
            frame.put((byte) (mask | payload.length));
        } else if (payload.length < 65_536) {
            frame.put((byte) (mask | 126)).putShort((short) payload.length);
        } else {
            frame.put((byte) (mask | 127)).putLong(payload.length);
        }
        if (masked) {
            frame.putInt(0);
        }
        return Arrays.copyOf(frame.put(payload).array(), frame.position());
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Connection closed during the handshake: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Drops the connection without a closing handshake. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
