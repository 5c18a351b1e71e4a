package io.hauyna.bench.load;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * The messages the load generator publishes: <code>{"b":id,"t":sentAt,"p":"xxxx"}</code>, padded to
 * an exact size, where {@code t} is the publisher's {@link System#nanoTime()} (publisher and
 * subscribers share the load generator's clock). Receivers find the two numbers wherever the server
 * put the message, e.g. inside a protocol envelope.
 */
public final class Payloads {

    private static final byte[] ID = "\"b\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SENT_AT = "\"t\":".getBytes(StandardCharsets.US_ASCII);

    private Payloads() {
    }

    /** @return a JSON object of exactly {@code size} bytes (or just longer, if the numbers need it) */
    public static String message(long id, long sentAt, int size) {
        String head = "{\"b\":" + id + ",\"t\":" + sentAt + ",\"p\":\"";
        int padding = Math.max(0, size - head.length() - 2);
        return head + "x".repeat(padding) + "\"}";
    }

    /** @return the message id in a received frame, or -1 if it carries none */
    public static long id(ByteBuf frame) {
        return numberAfter(frame, ID);
    }

    /** @return when the message in a received frame was published, or -1 */
    public static long sentAt(ByteBuf frame) {
        return numberAfter(frame, SENT_AT);
    }

    /** @return whether the frame contains the bytes anywhere */
    public static boolean contains(ByteBuf frame, byte[] bytes) {
        int end = frame.writerIndex() - bytes.length;
        for (int i = frame.readerIndex(); i <= end; i++) {
            if (matches(frame, i, bytes)) {
                return true;
            }
        }
        return false;
    }

    private static long numberAfter(ByteBuf frame, byte[] key) {
        int end = frame.writerIndex() - key.length;
        for (int i = frame.readerIndex(); i <= end; i++) {
            if (matches(frame, i, key)) {
                return digits(frame, i + key.length);
            }
        }
        return -1;
    }

    private static boolean matches(ByteBuf frame, int at, byte[] key) {
        for (int k = 0; k < key.length; k++) {
            if (frame.getByte(at + k) != key[k]) {
                return false;
            }
        }
        return true;
    }

    private static long digits(ByteBuf frame, int from) {
        long value = 0;
        int i = from;
        boolean negative = i < frame.writerIndex() && frame.getByte(i) == '-';
        if (negative) {
            i++;
        }
        for (; i < frame.writerIndex(); i++) {
            byte b = frame.getByte(i);
            if (b < '0' || b > '9') {
                break;
            }
            value = value * 10 + (b - '0');
        }
        return negative ? -value : value;
    }
}
